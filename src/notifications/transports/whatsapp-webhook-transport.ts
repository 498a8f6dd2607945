// WhatsApp through an HTTP gateway: POST {to, body} as JSON, optional bearer token; any non-2xx
// answer is a failure (retried by the sender). NOTE: the answer's text is not kept, since a gateway
// may echo the request, code included, and the error is logged and stored.
import type { OutboxMessage } from '../../store/ports.js';
import { SEND_TIMEOUT_MS } from '../policy.js';
import type { Transport } from './transport.js';

export function whatsappWebhookTransport(opts: { url: string; token: string | null }): Transport {
  return {
    kind: 'whatsapp-webhook',
    async send(m: OutboxMessage): Promise<void> {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
        body: JSON.stringify({ to: m.to, body: m.body }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`WhatsApp webhook answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
    },
  };
}

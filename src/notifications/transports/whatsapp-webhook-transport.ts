// WhatsApp through an HTTP gateway: POST {to, body} as JSON, optional bearer token; any non-2xx
// answer is a failure (retried by the sender).
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
        const detail = (await res.text().catch(() => '')).slice(0, 200);
        throw new Error(`WhatsApp webhook answered ${res.status}${detail ? `: ${detail}` : ''}`);
      }
    },
  };
}

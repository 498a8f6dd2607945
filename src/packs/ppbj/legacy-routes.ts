// The process owner's URLs from before the catalogue (one process, the PPBJ one, at /proses/...) keep
// working: pages and files answer 303 to the PPBJ process's page, and form/JSON posts 308 (same method
// and body) to its endpoint, so bookmarks and open tabs still reach the same place.
import { Router, type Request, type Response } from 'express';
import { processPaths } from '../../definitions/process-key.js';

const query = (req: Request): string => {
  const i = req.originalUrl.indexOf('?');
  return i < 0 ? '' : req.originalUrl.slice(i);
};

export function legacyProcessRoutes(processKey: string): Router {
  const router = Router();
  const base = processPaths(processKey).page;
  const to = (status: 303 | 308) => (req: Request, res: Response) => {
    res.redirect(status, `${base}${req.path.slice('/proses'.length)}${query(req)}`);
  };
  router.get(['/proses/studio', '/proses/studio/xml', '/proses/studio/draf.bpmn', '/proses/sop', '/proses/sop.pdf', '/proses/beda',
    '/proses/pantau', '/proses/pantau/data.json', '/proses/pantau/langkah/:elementId', '/proses/versi/:file'], to(303));
  router.post(['/proses/studio/validasi', '/proses/studio/draf', '/proses/studio/unggah', '/proses/studio/buang', '/proses/studio/deploy',
    '/proses/versi/:id/rollback'], to(308));
  return router;
}

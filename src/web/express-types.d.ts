// Request/session fields Alur adds.
import type { UserRecord } from '../store/ports.js';
import type { StoredUpload } from '../cases/case-service.js';
import type { UploadRejected } from './uploads.js';

declare global {
  namespace Express {
    /** The logged-in user with the groups they are a member of (loaded per request). */
    interface User extends UserRecord {
      groups: string[];
    }
    interface Request {
      uploadError?: UploadRejected;
      /** File fields of the form this multipart request submits (set before multer parses it). */
      fileFields?: string[];
      /** The user is in a starter group of a deployed process (the "Permohonan baru" menu link); set for pages. */
      startsCases?: boolean;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    flash?: { kind: 'ok' | 'warn'; key: string };
    staged?: Record<string, StoredUpload[]>; // taskId -> files accepted while the form had errors
  }
}

export {};

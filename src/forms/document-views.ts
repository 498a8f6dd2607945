// Documents as the reviewer sees them: every uploaded version of a file field (none is ever
// deleted), the one the case data references marked current, and what can be previewed inline.
import type { DocumentRecord } from '../store/ports.js';

export interface DocumentVersionView {
  id: string;
  number: number; // 1 = first upload
  originalName: string;
  size: number;
  sha256: string;
  createdAt: string;
  uploaderName: string;
  current: boolean;
}

export interface DocumentPreview {
  id: string;
  originalName: string;
  kind: 'pdf' | 'image';
  label: string; // i18n key of the field
}

/** Versions of `field` in a case, newest first; `currentId` is the document the case data references. */
export function documentVersions(
  documents: DocumentRecord[],
  field: string,
  currentId: string,
  names: Map<string, string>,
): DocumentVersionView[] {
  return documents
    .filter((d) => d.field === field)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((d, i) => ({
      id: d.id, number: i + 1, originalName: d.originalName, size: d.size, sha256: d.sha256, createdAt: d.createdAt,
      uploaderName: names.get(d.uploaderId) ?? '', current: d.id === currentId,
    }))
    .reverse();
}

/** PDF in an <iframe>, images in an <img> (the page CSP allows neither <object> nor <embed>). */
export function previewOf(doc: DocumentRecord, label: string): DocumentPreview | null {
  const kind = doc.mime === 'application/pdf' ? 'pdf' : doc.mime.startsWith('image/') ? 'image' : null;
  return kind ? { id: doc.id, originalName: doc.originalName, kind, label } : null;
}

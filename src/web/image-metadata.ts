// Uploaded photos and scans lose their metadata (EXIF with GPS position, camera serial, XMP, IPTC,
// comments) before they are stored: the image is decoded and encoded again by sharp (libvips),
// which writes no metadata unless asked. The EXIF orientation is applied first, so a phone photo
// still shows upright.
import { writeFile } from 'node:fs/promises';
import type Sharp from 'sharp';

/** Larger images are refused: an A4 page scanned at 600 dpi has 35 megapixels; decoding is bounded. */
export const MAX_IMAGE_PIXELS = 40_000_000;

let loaded: Promise<typeof Sharp> | undefined;

/** sharp (libvips), loaded on the first image rather than at start. */
function loadSharp(): Promise<typeof Sharp> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false); // one-off files: keep no decoded images in memory
    return sharp;
  });
  return loaded;
}

export class UnreadableImage extends Error {}

/** Re-encodes the JPEG/PNG at `path` in place without metadata; returns the bytes now stored. */
export async function stripImageMetadata(path: string, mime: 'image/jpeg' | 'image/png'): Promise<Buffer> {
  const sharp = await loadSharp();
  let bytes: Buffer;
  try {
    const image = sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
    bytes = await (mime === 'image/jpeg' ? image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }) : image.png()).toBuffer();
  } catch (err) {
    throw new UnreadableImage(err instanceof Error ? err.message : String(err));
  }
  await writeFile(path, bytes);
  return bytes;
}

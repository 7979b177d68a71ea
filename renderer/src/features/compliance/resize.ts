/** Longest side of a photo kept as evidence: enough to read a sign or a floor plan on A4. */
const MAX_SIDE = 1600;

/**
 * A photo shrunk to at most MAX_SIDE pixels and re-encoded as JPEG, so a phone's 10 MB picture
 * fits the evidence limit; PDFs, small images, and browsers without canvas keep the file as it is.
 */
export async function shrinkImage(file: File): Promise<{ blob: Blob; mime: string }> {
  if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function') return { blob: file, mime: file.type };
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return { blob: file, mime: file.type };
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size < 1024 * 1024) return { blob: file, mime: file.type };
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return { blob: file, mime: file.type };
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  return blob ? { blob, mime: 'image/jpeg' } : { blob: file, mime: file.type };
}

/** Hand bytes to the browser as a download (a blob link clicked; works from file:// too). */
export function saveFile(bytes: Uint8Array, fileName: string, mime: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started; the URL can go once the click was handled
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of a File chosen or dropped by the user. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

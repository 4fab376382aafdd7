'use strict';
// Images for multipart uploads: Blob, File, Buffer, Uint8Array or ArrayBuffer, read once
// into bytes for the native core, with the filename and type undici would send.

const { fail } = require('./validate');

// Duck-typed, not `instanceof`: values may come from another realm (a Jest sandbox, a
// worker) or from a Blob polyfill.
function isBlob(value) {
  return typeof value.arrayBuffer === 'function' && typeof value.size === 'number' && typeof value.type === 'string';
}

/** `{ image, imageFilename, imageContentType }` for the native form, or nothing. */
async function readImage(param, value) {
  // The official SDK appends the image only when it is truthy.
  if (!value) return {};
  if (isBlob(value)) {
    const bytes = Buffer.from(await value.arrayBuffer());
    const filename = typeof value.name === 'string' && value.name !== '' ? value.name : 'blob';
    return { image: bytes, imageFilename: filename, imageContentType: value.type || 'application/octet-stream' };
  }
  const bare = { imageFilename: 'blob', imageContentType: 'application/octet-stream' };
  if (ArrayBuffer.isView(value)) {
    return { image: Buffer.from(value.buffer, value.byteOffset, value.byteLength), ...bare };
  }
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') return { image: Buffer.from(value), ...bare };
  return fail(param, 'a Blob, File, Buffer, Uint8Array or ArrayBuffer', value);
}

module.exports = { readImage };

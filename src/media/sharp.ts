// sharp (libvips) is loaded on first use, not at start: it adds ~17 MB to the resident size of
// every server process, and only image and video uploads need it; readers never do.
import type sharpModule from 'sharp';

type Sharp = typeof sharpModule;
let loading: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then((m) => m.default);
  return loading;
}

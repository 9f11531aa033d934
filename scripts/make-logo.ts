// Renders the publisher logo (src/web/assets/logo.svg, its source) to the PNG that JSON-LD and cards point
// at: search engines and social sites want a raster logo. Run once by hand
// (`npx tsx scripts/make-logo.ts`); the output is committed, so start-up never runs sharp.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const dir = path.resolve('src/web/assets');
const png = await sharp(fs.readFileSync(path.join(dir, 'logo.svg'))).resize(512, 512).png({ compressionLevel: 9, palette: true }).toBuffer();
fs.writeFileSync(path.join(dir, 'logo.png'), png);
console.log(`logo.png: ${png.length} bytes`);

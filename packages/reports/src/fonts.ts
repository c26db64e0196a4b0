import { createRequire } from "node:module";
import type { Fonts } from "./style.js";

const require = createRequire(import.meta.url);
/**
 * The embedded fonts (DejaVu Sans): PDF/UA requires every font to be embedded. They are named by
 * their paths: PDFKit caches a font under the name it was opened with, and its tables restore the
 * font by that name after every cell, so any other kind of name would parse the file again each time.
 */
export const font: Fonts = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  italic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf"),
};

// The map for slides: the SVG as drawn (its styles travel inside it), or a PNG at twice the size.

function download(blob, filename) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** The chart as a standalone SVG document. */
export function svgText(svg) {
  const copy = svg.cloneNode(true);
  copy.removeAttribute("data-render-ms");
  copy.removeAttribute("data-since-navigation-ms");
  copy.querySelector(".row-labels")?.removeAttribute("transform");   // kept in view while scrolled; the file shows them in place
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

export function exportSvg(svg, filename) {
  download(new Blob([svgText(svg)], { type: "image/svg+xml" }), filename);
}

/** Renders the SVG onto a canvas; resolves to a PNG blob. */
export function pngBlob(svg, scale = 2) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svgText(svg)], { type: "image/svg+xml" }));
    img.onload = () => {
      const w = Number(svg.getAttribute("width")), h = Number(svg.getAttribute("height"));
      const canvas = document.createElement("canvas");
      canvas.width = w * scale;
      canvas.height = h * scale;
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, w, h);
      URL.revokeObjectURL(url);
      canvas.toBlob(b => b ? resolve(b) : reject(new Error("the browser could not make a PNG")), "image/png");
    };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error("the map could not be drawn as an image")); };
    img.src = url;
  });
}

export async function exportPng(svg, filename) {
  download(await pngBlob(svg), filename);
}

/** Properties that give a picture its look; the lock screen gets them written in, as it has no stylesheet. */
const painted = [
  "fill",
  "stroke",
  "stroke-width",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "fill-opacity",
  "stroke-opacity",
] as const;

const cache = new Map<string, Promise<string | null>>();

/**
 * The movement picture on the player's screen as a 512 px PNG, for the lock screen's artwork:
 * the SVG copied with its colours written in, drawn on a canvas in the surface colour.
 * Null when there is no picture or it cannot be drawn.
 */
export function pictureArtwork(doc: Document = document): Promise<string | null> {
  const svg = doc.querySelector<SVGSVGElement>("svg.player-picture");
  if (!svg) return Promise.resolve(null);
  const key = `${svg.dataset.picture}:${svg.dataset.side}:${svg.dataset.mode}:${doc.documentElement.dataset.theme ?? ""}`;
  const known = cache.get(key);
  if (known) return known;
  const made = draw(svg).catch((e: unknown) => {
    console.info("The lock screen shows the app icon: the picture could not be drawn.", e);
    return null;
  });
  cache.set(key, made);
  return made;
}

async function draw(svg: SVGSVGElement): Promise<string | null> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll("*")];
  const copied = [copy, ...copy.querySelectorAll("*")];
  live.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = copied[i] as SVGElement;
    for (const p of painted) target.setAttribute(p, style.getPropertyValue(p));
    target.removeAttribute("class");
  });
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", "512");
  copy.setAttribute("height", "512");
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = 512;
  canvas.height = 512;
  const g = canvas.getContext("2d");
  if (!g) return null;
  g.fillStyle = getComputedStyle(document.documentElement).getPropertyValue("--surface").trim() || "#ffffff";
  g.fillRect(0, 0, 512, 512);
  g.drawImage(image, 0, 0, 512, 512);
  return canvas.toDataURL("image/png");
}

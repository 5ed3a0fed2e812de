import type { ComponentProps, FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { PictureView } from "./picture-view.tsx";

type Props = ComponentProps<typeof PictureView>;

/** A picture whose drawing code loads only when it is shown, so a page that may not show one does not carry it. */
export function LazyPicture(props: Props) {
  const [View, setView] = useState<FunctionComponent<Props> | null>(null);
  useEffect(() => {
    let live = true;
    void import("./picture-view.tsx").then((m) => live && setView(() => m.PictureView));
    return () => {
      live = false;
    };
  }, []);
  return View ? <View {...props} /> : null;
}

/**
 * A reload that never cancels itself: calls while a reload runs are folded into one more reload
 * after it, and a reload that joined a fetch already under way (which may have started before
 * the change that asked for it) is followed by one of its own. A burst of changes therefore
 * costs at most two fetches in a row, and the last one always starts after the last change, so
 * a slow list (thousands of connectors) is never cancelled and restarted forever.
 * `reload` must resolve when its fetch settles and never reject; `fetching` says whether a fetch
 * is under way now.
 */
export function serialReload(reload: () => Promise<unknown>, fetching: () => boolean): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    try {
      let more = true;
      while (more) {
        const joined = fetching();
        again = false;
        await reload();
        more = again || joined;
      }
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void run();
  };
}

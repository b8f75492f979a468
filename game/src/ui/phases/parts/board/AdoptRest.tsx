/**
 * The rest in one go: at the end of samenvoegen the eisen nobody merged each become an item of their own, with their
 * own words (pve.adopt), instead of two clicks per eis. Asks once, names how many, and says it can be undone per item.
 */
import { useState } from "preact/hooks";
import type { EisView } from "#shared/protocol/views.ts";
import { newId, type Connection } from "../../../../net/connection.ts";
import { t } from "#shared/strings/index.ts";
import { useCommand } from "../../../hooks.ts";
import { Dialog, DialogActions } from "./Dialog.tsx";

/** The server takes at most this many per command; more go in turns. */
const PER_COMMAND = 100;

export function AdoptRest({ conn, free }: { conn: Connection; free: readonly EisView[] }) {
  const a = t.board.adoptRest;
  const [open, setOpen] = useState(false);
  const [run, state] = useCommand(conn);
  if (free.length < 2) return null;
  const submit = async () => {
    const all = free.map((eis) => ({ itemId: newId("i"), eisId: eis.id }));
    for (let i = 0; i < all.length; i += PER_COMMAND) {
      const result = await run({ type: "pve.adopt", adopt: all.slice(i, i + PER_COMMAND) });
      if (!result.ok) return;
    }
    setOpen(false);
  };
  return (
    <>
      <button type="button" class="secondary b-adopt-rest" onClick={() => setOpen(true)}>
        {a.button(free.length)}
      </button>
      {open ? (
        <Dialog id="overige-opnemen" title={a.title(free.length)} onClose={() => setOpen(false)}>
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <p>{a.explain}</p>
            <DialogActions submit={a.submit(free.length)} onClose={() => setOpen(false)} state={state} />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}

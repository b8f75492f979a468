/**
 * The kader as one CSV for Excel with Dutch settings: `;` between fields (the comma is the decimal sign there), a
 * UTF-8 byte order mark (without it Excel reads é as Ã©), CRLF line ends, every field in double quotes.
 *
 * One table with one header row, so Excel's filter works on it at once. The column `soort` says what a row is:
 *   - `item`: one kader item — plaats, item, categorie, kopje (handelingsperspectief), totaal, the points (or
 *     MoSCoW score) per role, draagvlak. A role cell is empty when nobody voted in that role.
 *   - `oordeel`: one verdict of the casustoets — the item's plaats, item, categorie and kopje again (so a filter on
 *     an item shows its verdicts too), then casus and oordeel. Support columns stay empty.
 * Items come in order of plaats, then the verdicts per case in the order of the cases.
 * With tafels, one more column per tafel at the end ("steun Tafel 1" …): the share of that tafel's voters who back
 * the item, and, for an item row, the tafels its eisen came from ("tafels").
 */
import { PERSPECTIEF_TITLES, type KaderItem } from "../core/resultaat.ts";
import type { SessionEvent } from "#shared/protocol/events.ts";
import { GAME_ROLES } from "#shared/protocol/ids.ts";
import { buildReport, type Report } from "./report.ts";
import { draagvlakLabel, ROLE_NAMES, TEXTS, VERDICT_NAMES, formatNumber } from "./text.ts";

const BOM = "\uFEFF";
const EOL = "\r\n";

type Cell = string | number | null;

const HEADER: readonly string[] = ["soort", "plaats", "item", "categorie", "kopje", "totaal", ...GAME_ROLES.map((r) => ROLE_NAMES[r]), "draagvlak", "casus", "oordeel"];

/** The CSV export of a session's log. */
export function kaderCsv(events: readonly SessionEvent[]): string {
  const report = buildReport(events);
  const tables = [...report.state.tables.values()];
  // Without tafels the file is exactly as it always was; with tafels the per-tafel columns come last.
  const header = tables.length ? [...HEADER, "tafels", ...tables.map((t) => `steun ${t.name}`)] : HEADER;
  const tableCells = (item: KaderItem | undefined): Cell[] => {
    if (!tables.length) return [];
    if (!item) return [null, ...tables.map(() => null)];
    const from = [...new Set(item.provenance.flatMap((p) => (p.tableId ? [report.tableName(p.tableId)] : [])))].join(", ");
    // A tafel where nobody voted has no share at all, not a share of zero.
    const share = (tableId: string) => {
      const t = item.support?.perTable.find((x) => x.tableId === tableId);
      return t && t.voters > 0 ? t.share : null;
    };
    return [from || null, ...tables.map((t) => share(t.id))];
  };
  const rows = [
    header,
    ...report.kader.items.map((item) => [...itemRow(report, item), ...tableCells(item)]),
    ...verdictRows(report).map((row) => [...row, ...tableCells(undefined)]),
  ];
  return BOM + rows.map((row) => row.map(csvField).join(";")).join(EOL) + EOL;
}

function itemColumns(report: Report, item: Pick<KaderItem, "rank" | "text" | "categoryId" | "perspectief">): Cell[] {
  return [item.rank, item.text, report.categoryName(item.categoryId), PERSPECTIEF_TITLES[item.perspectief]];
}

function itemRow(report: Report, item: KaderItem): Cell[] {
  const support = item.support;
  const perRole = GAME_ROLES.map((role) => (support?.rolesPresent.includes(role) ? support.perRole[role] : null));
  const draagvlak = support ? draagvlakLabel(support) : TEXTS.notVotedShort;
  return ["item", ...itemColumns(report, item), support?.total ?? null, ...perRole, draagvlak, null, null];
}

function verdictRows(report: Report): Cell[][] {
  const items = new Map(report.kader.items.map((i) => [i.itemId, i]));
  const emptySupport: Cell[] = [null, ...GAME_ROLES.map(() => null), null];
  return report.cases.flatMap((c) =>
    c.verdicts.map((v) => {
      const item = items.get(v.itemId);
      // An item merged away after the verdict is no longer in the kader: keep its text, leave its place empty.
      const columns = item ? itemColumns(report, item) : [null, v.text, null, null];
      return ["oordeel", ...columns, ...emptySupport, c.title, VERDICT_NAMES[v.verdict]];
    }),
  );
}

/**
 * One field, quoted, with quotes doubled. Text that starts like a formula (= + - @) gets a leading apostrophe:
 * Excel would otherwise run what a participant typed as a formula.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '""';
  const text = typeof cell === "number" ? formatNumber(cell) : /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return `"${text.replace(/"/g, '""')}"`;
}

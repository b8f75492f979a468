/**
 * How the room state's strings go onto the wire. (The encode buffers' sizing, which reaches into Colyseus'
 * serializer, is in colyseus.ts with the other workarounds.)
 *
 * Strings onto the wire, natively. Every entity in the room state is one JSON string, so encoding patches is mostly
 * encoding strings, and @colyseus/schema 5.0 does that in JavaScript, one character at a time, twice (once to measure,
 * once to write). This replaces its string encoder, through the hook it offers for wire types (`encode[type]`, as
 * `defineCustomTypes` uses), with Node's own UTF-8 encoder for strings of 64 characters and more: the same bytes (the
 * check below compares them at start-up), at a fraction of the CPU. Shorter strings keep the library's code.
 *
 * Imported by colyseus.ts (which the room imports) before any room exists: the encoder looks the function up when it
 * first describes a schema.
 */
import { encode } from "@colyseus/schema";

const stock = encode.string;
const utf8 = new TextEncoder();

encode.string = (bytes, value, it) => {
  if (typeof value !== "string" || value.length < 64 || !(bytes instanceof Uint8Array)) return stock(bytes, value, it);
  const length = Buffer.byteLength(value, "utf8");
  // The library's prefixes: str 8, str 16, str 32 (a fixstr is under 32 bytes, so never here).
  let size: number;
  if (length < 0x100) {
    bytes[it.offset++] = 0xd9;
    bytes[it.offset++] = length;
    size = 2;
  } else if (length < 0x10000) {
    bytes[it.offset++] = 0xda;
    bytes[it.offset++] = length & 255;
    bytes[it.offset++] = (length >> 8) & 255;
    size = 3;
  } else {
    bytes[it.offset++] = 0xdb;
    bytes[it.offset++] = length & 255;
    bytes[it.offset++] = (length >> 8) & 255;
    bytes[it.offset++] = (length >> 16) & 255;
    bytes[it.offset++] = (length >>> 24) & 255;
    size = 5;
  }
  // Past the end of the buffer nothing is written, but the offset still moves on: the encoder sees the overflow,
  // grows its buffer and encodes again, exactly as with the library's own loop.
  if (it.offset < bytes.length) utf8.encodeInto(value, bytes.subarray(it.offset));
  it.offset += length;
  return size + length;
};

// The same bytes as the library, or the server does not start.
for (const sample of ["x".repeat(64), `{"text":"Eén vast aanspreekpunt per gezin: €, ë, ï, 😀, 中文 ${"é".repeat(200)}"}`, "a".repeat(70_000)]) {
  const ours = new Uint8Array(sample.length * 4 + 8);
  const theirs = new Uint8Array(sample.length * 4 + 8);
  const a = { offset: 0 };
  const b = { offset: 0 };
  const sizeOurs = encode.string(ours, sample, a);
  const sizeTheirs = stock(theirs, sample, b);
  if (sizeOurs !== sizeTheirs || a.offset !== b.offset || !ours.subarray(0, a.offset).every((byte, k) => byte === theirs[k])) {
    throw new Error("De snelle tekstcodering geeft andere bytes dan @colyseus/schema.");
  }
}

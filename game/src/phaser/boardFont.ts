/**
 * The board's font, as the page's (styles.css): the digit 0 from "Plain Zero" (the device's own sans serif), the rest
 * from Atkinson Hyperlegible Next, whose zero is slashed ("1Ø eisen", "Wmo 2Ø15"). A canvas only draws with a face
 * that is loaded, so BOARD_FONT_FACES are loaded before the board draws or measures.
 */
export const BOARD_FONT = '"Plain Zero", "Atkinson Hyperlegible Next", system-ui, sans-serif';

/** Each face the board uses, with a text that needs it (the plain zero's face covers only "0"). */
export const BOARD_FONT_FACES: readonly (readonly [font: string, text: string])[] = [
  ['400 20px "Atkinson Hyperlegible Next"', "Aa"],
  ['700 20px "Atkinson Hyperlegible Next"', "Aa"],
  ['400 20px "Plain Zero"', "0"],
  ['700 20px "Plain Zero"', "0"],
];

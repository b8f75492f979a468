/** First scene: nothing to show yet; hands over to the Preloader. */
import * as Phaser from "phaser";

export class Boot extends Phaser.Scene {
  constructor() {
    super("Boot");
  }

  create(): void {
    this.scene.start("Preloader");
  }
}

/**
 * Phase 1, beeldvorming: everyone posts short cards on the scenario's prompts, as themselves but anonymously;
 * the group (participants and spelleider alike) clusters them into a shared picture of maatwerk.
 */
import { describe, expect, it } from "vitest";
import { MAX_CARDS_PER_PARTICIPANT } from "../../server/core/beeldvorming.ts";
import {
  PHASE,
  accepted,
  cardClustered,
  cardPosted,
  clusterCreated,
  cmd,
  given,
  givenIn,
  guest,
  joined,
  participant,
  phaseStarted,
  publicPart,
  rejected,
  spelleider,
  system,
  thenEvents,
  when,
} from "../fixtures/given.ts";
import { minimalScenario } from "../fixtures/minimalScenario.ts";

const inBeeldvorming = (...more: Parameters<typeof given>) =>
  given(joined("d1", "raadslid"), joined("d2", "wethouder"), phaseStarted(PHASE.beeldvorming), ...more);

const post = (cardId: string, text = "Maatwerk is luisteren naar de inwoner.", promptId = "wel") => cmd("card.post", { cardId, promptId, text });

describe("beeldvorming: cards", () => {
  it("a participant posts a card on a prompt; the card remembers its author", () => {
    thenEvents(when(inBeeldvorming(), post("k1"), participant("d1")), cardPosted("k1", "d1", "Maatwerk is luisteren naar de inwoner."));
  });

  it("cards are anonymous on the shared board", () => {
    const state = inBeeldvorming(cardPosted("k1", "d1", "Maatwerk is luisteren."));
    expect(publicPart(state).cards).toEqual([{ id: "k1", promptId: "wel", text: "Maatwerk is luisteren.", clusterId: null }]);
    expect(JSON.stringify(publicPart(state).cards)).not.toContain("d1");
  });

  it("only in the beeldvorming", () => {
    const lobby = given(joined("d1", "raadslid"));
    rejected(when(lobby, post("k1"), participant("d1")), "verkeerde_fase", "Een kaartje plaatsen kan alleen in de fase beeldvorming");
    const later = given(joined("d1", "raadslid"), phaseStarted(PHASE.samenvoegen));
    rejected(when(later, post("k1"), participant("d1")), "verkeerde_fase", "beeldvorming");
  });

  it("only on a prompt of the scenario", () => {
    rejected(when(inBeeldvorming(), post("k1", "Iets", "onbekend"), participant("d1")), "niet_gevonden", "hoort niet bij het scenario");
  });

  it("a card id is used once", () => {
    rejected(when(inBeeldvorming(cardPosted("k1", "d2")), post("k1"), participant("d1")), "bestaat_al", "bestaat al");
  });

  it(`at most ${MAX_CARDS_PER_PARTICIPANT} cards per participant`, () => {
    const full = Array.from({ length: MAX_CARDS_PER_PARTICIPANT }, (_, i) => cardPosted(`k${i}`, "d1"));
    const state = inBeeldvorming(...full);
    rejected(when(state, post("nog-een"), participant("d1")), "te_veel", `al ${MAX_CARDS_PER_PARTICIPANT} kaartjes`);
    accepted(when(state, post("nog-een"), participant("d2")));
  });

  it("cards are written by participants, not by the spelleider or a guest", () => {
    rejected(when(inBeeldvorming(), post("k1"), spelleider), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(inBeeldvorming(), post("k1"), guest), "niet_toegestaan", "Alleen deelnemers");
  });

  it("the author can take their own card back", () => {
    thenEvents(when(inBeeldvorming(cardPosted("k1", "d1")), cmd("card.remove", { cardId: "k1" }), participant("d1")), { type: "CardRemoved", cardId: "k1" });
  });

  it("nobody else can take a card away", () => {
    rejected(when(inBeeldvorming(cardPosted("k1", "d1")), cmd("card.remove", { cardId: "k1" }), participant("d2")), "niet_toegestaan", "alleen je eigen kaartjes");
    rejected(when(inBeeldvorming(cardPosted("k1", "d1")), cmd("card.remove", { cardId: "k1" }), spelleider), "niet_toegestaan", "Alleen deelnemers");
  });

  it("a card that is not there cannot be removed", () => {
    rejected(when(inBeeldvorming(), cmd("card.remove", { cardId: "k9" }), participant("d1")), "niet_gevonden", "bestaat niet");
  });

  it("removing a card is only possible in the beeldvorming", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming), cardPosted("k1", "d1"), phaseStarted(PHASE.ronde1));
    rejected(when(state, cmd("card.remove", { cardId: "k1" }), participant("d1")), "verkeerde_fase", "Een kaartje weghalen");
  });
});

describe("beeldvorming: clusters", () => {
  it("participants and the spelleider both make clusters", () => {
    const create = cmd("cluster.create", { clusterId: "c1", promptId: "wel", label: "Luisteren" });
    thenEvents(when(inBeeldvorming(), create, participant("d1")), clusterCreated("c1", "Luisteren"));
    thenEvents(when(inBeeldvorming(), create, spelleider), clusterCreated("c1", "Luisteren"));
    rejected(when(inBeeldvorming(), create, guest), "niet_toegestaan", "Alleen deelnemers");
    rejected(when(inBeeldvorming(), create, system), "niet_toegestaan", "Alleen deelnemers");
  });

  it("a cluster belongs to a prompt of the scenario and has a fresh id", () => {
    rejected(when(inBeeldvorming(), cmd("cluster.create", { clusterId: "c1", promptId: "niet", label: "X" }), spelleider), "niet_gevonden", "hoort niet bij het scenario");
    rejected(when(inBeeldvorming(clusterCreated("c1")), cmd("cluster.create", { clusterId: "c1", promptId: "wel", label: "X" }), spelleider), "bestaat_al", "bestaat al");
  });

  it("a cluster can be renamed, if it exists", () => {
    thenEvents(when(inBeeldvorming(clusterCreated("c1")), cmd("cluster.rename", { clusterId: "c1", label: "Echt luisteren" }), participant("d2")), {
      type: "ClusterRenamed",
      clusterId: "c1",
      label: "Echt luisteren",
    });
    rejected(when(inBeeldvorming(), cmd("cluster.rename", { clusterId: "c1", label: "X" }), spelleider), "niet_gevonden", "bestaat niet");
  });

  it("any card goes into a cluster of its own prompt, and back out", () => {
    const state = inBeeldvorming(cardPosted("k1", "d1"), clusterCreated("c1"));
    thenEvents(when(state, cmd("card.cluster", { cardId: "k1", clusterId: "c1" }), participant("d2")), cardClustered("k1", "c1"));
    const clustered = inBeeldvorming(cardPosted("k1", "d1"), clusterCreated("c1"), cardClustered("k1", "c1"));
    thenEvents(when(clustered, cmd("card.cluster", { cardId: "k1", clusterId: null }), spelleider), cardClustered("k1", null));
    expect(publicPart(clustered).cards[0]?.clusterId).toBe("c1");
  });

  it("clustering refuses unknown cards and clusters, and a move to where it already is", () => {
    const state = inBeeldvorming(cardPosted("k1", "d1"), clusterCreated("c1"));
    rejected(when(state, cmd("card.cluster", { cardId: "k9", clusterId: "c1" }), spelleider), "niet_gevonden", "kaartje bestaat niet");
    rejected(when(state, cmd("card.cluster", { cardId: "k1", clusterId: "c9" }), spelleider), "niet_gevonden", "cluster bestaat niet");
    rejected(when(state, cmd("card.cluster", { cardId: "k1", clusterId: null }), spelleider), "ongeldig", "ligt daar al");
  });

  it("a card only goes into a cluster of the same prompt", () => {
    const scenario = minimalScenario();
    scenario.beeldvorming.prompts.push({ id: "niet", text: "Maatwerk is niet…" });
    const state = givenIn(scenario, joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming), cardPosted("k1", "d1"), clusterCreated("c2", "Regels", "niet"));
    rejected(when(state, cmd("card.cluster", { cardId: "k1", clusterId: "c2" }), spelleider), "ongeldig", "dezelfde vraag");
  });

  it("clustering is only possible in the beeldvorming", () => {
    const state = given(joined("d1", "raadslid"), phaseStarted(PHASE.beeldvorming), cardPosted("k1", "d1"), clusterCreated("c1"), phaseStarted(PHASE.ronde1));
    rejected(when(state, cmd("card.cluster", { cardId: "k1", clusterId: "c1" }), spelleider), "verkeerde_fase", "Kaartjes clusteren");
    rejected(when(state, cmd("cluster.create", { clusterId: "c2", promptId: "wel", label: "X" }), spelleider), "verkeerde_fase", "Een cluster maken");
    rejected(when(state, cmd("cluster.rename", { clusterId: "c1", label: "X" }), spelleider), "verkeerde_fase", "Een cluster hernoemen");
  });
});

import Testing

@testable import Regua

@Suite("Occurrence ids: written and read back in one place")
struct OccurrenceIDTests {
  @Test(
    "an id reads back as the step and key it was written from",
    arguments: [
      OccurrenceID(step: "d+14-call"),
      OccurrenceID(step: "p+1-call", key: .promise(CivilDate(year: 2026, month: 3, day: 20)!)),
      OccurrenceID(step: "d+30-letter", key: .installment(2)),
      OccurrenceID(step: "s-1", key: .repetition(3)),
    ])
  func roundTrip(id: OccurrenceID) {
    #expect(OccurrenceID(id.description) == id)
    #expect(
      Occurrence(step: 0, key: id.key, scheduled: CivilDate(daysSinceEpoch: 0)).id(stepID: id.step) == id.description)
  }

  @Test(
    "the written forms",
    arguments: [
      ("d+14-call", "d+14-call"), ("p+1-call@2026-03-20", "p+1-call"), ("x@installment-2", "x"), ("x@3", "x"),
    ])
  func stepPart(text: String, step: String) throws {
    let id = try #require(OccurrenceID(text))
    #expect(id.step == step)
    #expect(id.description == text)
    #expect(OccurrenceID.stepPart(of: text) == step)
    #expect(OccurrenceID.hasKey(text) == (text != step))
  }

  @Test(
    "a suffix of none of the forms names no occurrence",
    arguments: ["x@", "x@0", "x@junk", "x@installment-0", "x@2026-02-30"])
  func unknownSuffix(text: String) {
    #expect(OccurrenceID(text) == nil)
    #expect(OccurrenceID.hasKey(text))
    #expect(OccurrenceID.stepPart(of: text) == "x")
  }

  @Test("the key is what follows the first `@`, read in place, also after non-ASCII text")
  func keyPart() {
    #expect(OccurrenceID.keyPart(of: "plain") == nil)
    #expect(OccurrenceID.keyPart(of: "p+1@2026-03-20") == "2026-03-20")
    #expect(OccurrenceID.keyPart(of: "é-step@a@b") == "a@b")
    #expect(OccurrenceID.stepPart(of: "é-step@a@b") == "é-step")
    #expect(OccurrenceID.stepPart(of: "") == "")
  }
}

import Testing

@testable import Regua

/// The contacts a cadence's limits count: by channel and all together, once a day per channel
/// when contacts merge (an account's default), every one otherwise.
@Suite("The contact ledger")
struct ContactLedgerTests {
  static let rules = """
    cadence "c"
      D+1 email a
      D+2 call
      limit email 2 per 7 days
      limit any 3 per 7 days

    """

  /// A ledger of `contacts` (channel name, day offset from `base`), built in the order given.
  static func ledger(
    _ contacts: [(String, Int)], countsOncePerDay: Bool, reserving reserved: Int = 0
  ) throws -> (ContactLedger, CompiledCadence) {
    let compiled = CompiledCadence(try Cadence(parsing: rules))
    var builder = ContactLedger.Builder(cadence: compiled, contacts: contacts.count, reserving: reserved)
    for (channel, offset) in contacts {
      let number = compiled.channelNumbers.index(of: channel) ?? compiled.otherChannel
      builder.add(channel: number, day: base + offset)
    }
    return (ContactLedger(&builder, cadence: compiled, countsOncePerDay: countsOncePerDay), compiled)
  }

  static let base = 20_000

  static func count(_ ledger: ContactLedger, _ compiled: CompiledCadence, limit: Int, channel: String) -> Int {
    let number = compiled.channelNumbers.index(of: channel) ?? compiled.otherChannel
    let limit = compiled.cadence.limits[limit]
    return ledger.count(limit, channel: number, from: base + 1 - limit.days, through: base)
  }

  @Test(
    "one channel's contacts on one day count once when contacts merge, every one otherwise",
    arguments: [(true, 1, 2), (false, 2, 3)])
  func onceADay(merging: Bool, emails: Int, all: Int) throws {
    let (ledger, compiled) = try ContactLedgerTests.ledger(
      [("email", 0), ("call", 0), ("email", 0)], countsOncePerDay: merging)
    #expect(ContactLedgerTests.count(ledger, compiled, limit: 0, channel: "email") == emails)
    // `limit any` counts one per channel and day: the call is another contact.
    #expect(ContactLedgerTests.count(ledger, compiled, limit: 1, channel: "email") == all)
  }

  @Test("a recorded contact on a channel and day already counted is absorbed when contacts merge")
  func recordAbsorbed() throws {
    var (merged, compiled) = try ContactLedgerTests.ledger([("email", -1)], countsOncePerDay: true)
    var separate = try ContactLedgerTests.ledger([("email", -1)], countsOncePerDay: false).0
    let email = try #require(compiled.channelNumbers.index(of: "email"))
    for _ in 0..<2 {
      merged.record(channel: email, on: ContactLedgerTests.base)
      separate.record(channel: email, on: ContactLedgerTests.base)
    }
    #expect(ContactLedgerTests.count(merged, compiled, limit: 0, channel: "email") == 2)
    #expect(ContactLedgerTests.count(separate, compiled, limit: 0, channel: "email") == 3)
    #expect(ContactLedgerTests.count(merged, compiled, limit: 1, channel: "email") == 2)
  }

  @Test("the order contacts are added in changes nothing")
  func orderFree() throws {
    let contacts = [("email", -3), ("call", -1), ("email", 0), ("fax", -2), ("email", -6), ("call", -1)]
    for merging in [true, false] {
      let (forward, compiled) = try ContactLedgerTests.ledger(contacts, countsOncePerDay: merging)
      let backward = try ContactLedgerTests.ledger(contacts.reversed(), countsOncePerDay: merging).0
      for limit in 0..<2 {
        for channel in ["email", "call"] {
          #expect(
            ContactLedgerTests.count(forward, compiled, limit: limit, channel: channel)
              == ContactLedgerTests.count(backward, compiled, limit: limit, channel: channel))
        }
      }
      let email = try #require(compiled.channelNumbers.index(of: "email"))
      #expect(
        forward.nextRoom(channel: email, from: ContactLedgerTests.base, cadence: compiled)
          == backward.nextRoom(channel: email, from: ContactLedgerTests.base, cadence: compiled))
    }
  }

  @Test("reserved slots come first, start unset, and keep their values beside the contacts")
  func reserved() throws {
    let (ledger, compiled) = try ContactLedgerTests.ledger(
      [("email", 0), ("email", -2)], countsOncePerDay: false, reserving: 3)
    #expect((0..<3).map { ledger[reserved: $0] } == [.max, .max, .max])
    var copy = ledger
    copy[reserved: 1] = 7
    #expect(copy[reserved: 1] == 7)
    #expect(ledger[reserved: 1] == .max)
    #expect(ContactLedgerTests.count(copy, compiled, limit: 0, channel: "email") == 2)
    // Full on the base day: the room comes back the day after the older contact leaves.
    let email = try #require(compiled.channelNumbers.index(of: "email"))
    #expect(
      copy.nextRoom(channel: email, from: ContactLedgerTests.base, cadence: compiled) == ContactLedgerTests.base + 5)
  }
}

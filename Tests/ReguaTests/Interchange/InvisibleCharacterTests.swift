import Foundation
import Testing

@testable import Regua

/// Invisible characters in the identifiers of an invoice: two ids that print alike must be the same
/// id, so a default-ignorable code point or a bidirectional control in one is refused, by the
/// reader and by the Swift initialisers alike (they share one validation).
@Suite("Invisible characters in invoices")
struct InvisibleCharacterTests {
  /// Default-ignorable code points from each range of Unicode's list, and bidirectional controls.
  static let invisible: [Unicode.Scalar] = [
    "\u{AD}", "\u{34F}", "\u{115F}", "\u{17B4}", "\u{180E}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}",
    "\u{2064}", "\u{3164}", "\u{FE0F}", "\u{FEFF}", "\u{FFA0}", "\u{FFF0}", "\u{1BCA0}", "\u{1D173}", "\u{E0001}",
    "\u{E0FFF}",
  ]
  static let bidirectional: [Unicode.Scalar] = ["\u{61C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}"]

  /// A field of an invoice document that refuses invisible characters: its path, and the document
  /// with `value` in it.
  struct Field: Sendable, CustomStringConvertible {
    var path: String
    var document: @Sendable (String) -> String
    var description: String { path }
  }

  static let fields: [Field] = [
    Field(path: "id") { #"{"id":"\#($0)",\#(Self.rest)}"# },
    Field(path: "customer.id") { #"{"id":"A",\#(Self.rest),"customer":{"id":"\#($0)"}}"# },
    Field(path: "customer.segment") { #"{"id":"A",\#(Self.rest),"customer":{"id":"C","segment":"\#($0)"}}"# },
    Field(path: "customer.tags[0]") { #"{"id":"A",\#(Self.rest),"customer":{"id":"C","tags":["\#($0)"]}}"# },
    Field(path: "tags[0]") { #"{"id":"A",\#(Self.rest),"tags":["\#($0)"]}"# },
    Field(path: "history[0].step") { #"{"id":"A",\#(Self.rest),"history":[{"step":"\#($0)","date":"2026-01-02"}]}"# },
  ]
  static let rest = #""currency":"BRL","amount":"1.00","issued":"2026-01-01","due":"2026-01-31""#

  func problems(_ json: String) -> [String] {
    do {
      _ = try Invoice(json: Data(json.utf8))
      return []
    } catch {
      return error.description.split(separator: "\n").map(String.init)
    }
  }

  @Test(
    "a document whose id, customer id, step id, tag or segment holds an invisible character is refused, naming the field and the code point",
    arguments: fields, invisible + bidirectional)
  func refusedInDocuments(field: Field, scalar: Unicode.Scalar) throws {
    let value = "vi" + String(scalar) + "p"
    // The JSON escape of the scalar: the document is plain ASCII, as a host's writer may make it.
    let escaped = scalar.utf16.map { String(format: "\\u%04X", Int($0)) }.joined()
    for written in [value, "vi" + escaped + "p"] {
      let problems = problems(field.document(written))
      let problem = try #require(problems.first, "accepted \(field.path) with \(SafeText.codePoint(scalar.value))")
      #expect(problems.count == 1)
      #expect(problem.hasPrefix("\(field.path): `vi\\u{"))
      #expect(problem.contains(SafeText.codePoint(scalar.value)))
      #expect(!problem.unicodeScalars.contains(scalar))
    }
  }

  @Test("the message says what the character is and what the id looks like")
  func message() {
    #expect(
      problems(#"{"id":"INV-\u200B1001",\#(Self.rest)}"#) == [
        "id: `INV-\\u{200B}1001` holds an invisible character, U+200B ZERO WIDTH SPACE, at character 5; an id must be "
          + "visible text: this one looks like `INV-1001` but is not equal to it"
      ])
    #expect(
      problems(#"{"id":"INV-\u202E1001",\#(Self.rest)}"#) == [
        "id: `INV-\\u{202E}1001` holds a bidirectional formatting character, U+202E RIGHT-TO-LEFT OVERRIDE, at "
          + "character 5; an id must be printable text"
      ])
  }

  @Test("invoices and customers built in Swift are refused the same way", arguments: invisible + bidirectional)
  func refusedInSwift(scalar: Unicode.Scalar) throws {
    let amount = try Money(parsing: "1.00", currency: .brl)
    let day = try CivilDate(parsing: "2026-01-01")
    let value = "vi" + String(scalar) + "p"
    let attempts: [(String, () throws(InvalidInput) -> Invoice)] = [
      ("id", { () throws(InvalidInput) in try Invoice(id: value, amount: amount, issued: day, due: day) }),
      (
        "customer.id",
        { () throws(InvalidInput) in
          try Invoice(id: "A", amount: amount, issued: day, due: day, customer: Customer(id: value))
        }
      ),
      (
        "customer.tags[0]",
        { () throws(InvalidInput) in
          try Invoice(id: "A", amount: amount, issued: day, due: day, customer: Customer(id: "C", tags: [value]))
        }
      ),
      (
        "tags[0]",
        { () throws(InvalidInput) in try Invoice(id: "A", amount: amount, issued: day, due: day, tags: [value]) }
      ),
      (
        "history[0].step",
        { () throws(InvalidInput) in
          try Invoice(id: "A", amount: amount, issued: day, due: day, history: [HistoryEntry(step: value, date: day)])
        }
      ),
    ]
    for (path, attempt) in attempts {
      do {
        _ = try attempt()
        Issue.record("accepted \(path) with \(SafeText.codePoint(scalar.value))")
      } catch {
        #expect(error.errors.map(\.path) == [path])
        #expect(error.errors.first?.message.contains(SafeText.codePoint(scalar.value)) == true)
      }
    }
    var invoice = try Invoice(id: "A", amount: amount, issued: day, due: day)
    #expect(throws: InvalidInput.self) { try invoice.record(HistoryEntry(step: value, date: day)) }
  }

  @Test("ids that differ by an invisible character cannot both exist, so their idempotency keys cannot differ")
  func idempotencyKeys() throws {
    let amount = try Money(parsing: "1.00", currency: .brl)
    let day = try CivilDate(parsing: "2026-01-01")
    #expect(throws: InvalidInput.self) { try Invoice(id: "INV-\u{200B}1", amount: amount, issued: day, due: day) }
    #expect(throws: Never.self) { try Invoice(id: "INV-1", amount: amount, issued: day, due: day) }
  }

  @Test("visible non-ASCII text is still accepted", arguments: ["São Paulo", "agência-7", "日本", "Ελλάδα", "\u{1F600}"])
  func visibleText(text: String) {
    #expect(
      problems(
        #"{"id":"\#(text)",\#(Self.rest),"tags":["\#(text)"],"customer":{"id":"\#(text)","segment":"\#(text)"}}"#
      ).isEmpty)
  }
}

import Foundation
import Testing

@testable import Regua

@Suite("The invoice reader")
struct InvoiceReaderTests {
  static let base = #""id":"A","currency":"BRL","issued":"2026-01-01","due":"2026-01-31""#

  func problems(_ json: String, hostChannels: Set<String> = []) -> [String] {
    do {
      _ = try Invoice(json: Data(json.utf8), hostChannels: hostChannels)
      return []
    } catch {
      return error.description.split(separator: "\n").map(String.init)
    }
  }

  @Test(
    "strict JSON: each problem is named with its path",
    arguments: [
      (
        #"{\#(base),"amount":"1.00","amount":"1000.00"}"#,
        "amount: appears twice in one object; a field is given once (readers disagree on which one wins)"
      ),
      (
        #"{\#(base),"amount":"1.00","tags":["a",]}"#,
        "tags: a trailing comma before `]` at line 1, column 96; remove it (JSON allows none)"
      ),
      (#"{\#(base),"amount":"-0"}"#, #"amount: `-0` is not an amount: zero has no sign"#),
      (
        #"{\#(base),"amount":"1.00","customer":{"id":"C","opt-outs":["fax"]}}"#,
        "customer.opt-outs[0]: `fax` is not a channel; expected `email`, `sms`, `whatsapp`, `call`, `letter` (or a host channel that the cadence's `notify` steps use)"
      ),
      (
        #"{\#(base),"amount":"1.00","customer":{"id":"C","channels":["e-mail"]}}"#,
        "customer.channels[0]: `e-mail` is not a channel; did you mean `email`? The channels are `email`, `sms`, `whatsapp`, `call`, `letter` (or a host channel that the cadence's `notify` steps use)"
      ),
      (
        #"{\#(base),"amount":"1.00","customer":{"id":"C","timezone":"Mars/Olympus"}}"#,
        #"customer.timezone: `Mars/Olympus` is not an IANA time zone; expected one such as "America/Sao_Paulo""#
      ),
      (
        #"{\#(base),"amount":"1.00","customer":{"id":"C","kind":"PJ"}}"#,
        #"customer.kind: `PJ` is not a kind; expected "person" or "company""#
      ),
      (
        #"{"id":"","currency":"BRL","amount":"1","issued":"2026-01-01","due":"2026-01-31"}"#,
        #"id: is empty; expected the invoice's id such as "INV-1001""#
      ),
      (
        #"{"id":"A\u001B[2J","currency":"BRL","amount":"1","issued":"2026-01-01","due":"2026-01-31"}"#,
        #"id: `A\u{1B}[2J` holds a control character, U+001B, at character 2; an id must be printable text"#
      ),
      (
        #"{\#(base),"amount":"1.00","history":[{"step":"x","date":"2026-01-02","channel":"emial"}]}"#,
        "history[0].channel: `emial` is not a channel; did you mean `email`? The channels are `email`, `sms`, `whatsapp`, `call`, `letter` (or a host channel that the cadence's `notify` steps use)"
      ),
      (
        #"{\#(base),"amount":"1.00","customer":{"id":""}}"#,
        #"customer.id: is empty; expected the customer's id such as "C-42""#
      ),
      (
        #"{\#(base),"amount":"1.00","customer":{"id":"C","opt-outs":["sms","sms"]}}"#,
        "customer.opt-outs[1]: `sms` is already in the list; name a channel once"
      ),
      (
        #"{\#(base),"amount":"1.00","status":"\#u{43E}pen"}"#,
        #"status: `оpen` is not a status; it holds `о` (U+043E CYRILLIC SMALL LETTER O), which looks like `o`; expected "open", "disputed", "cancelled" or "written-off""#
      ),
      (
        #"{\#(base),"amount":"1.00","metadata":{"erp":7}}"#,
        "metadata.erp: expected a string (metadata holds the host's own text fields), found a number"
      ),
    ])
  func strict(json: String, expected: String) {
    #expect(problems(json) == [expected])
  }

  @Test("an unknown currency does not hide the document's other problems")
  func unknownCurrency() {
    let lines = problems(#"{"id":"","currency":"XXX","amount":"1","issued":"2026-02-01","due":"2026-01-01"}"#)
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix("currency: `XXX` is not an ISO-4217 currency code") == true)
    #expect(lines.contains(#"id: is empty; expected the invoice's id such as "INV-1001""#))
    #expect(lines.contains("due: `2026-01-01` is before the issue date `2026-02-01`; the due date is on or after it"))
  }

  @Test("dates built in Swift outside 0001…9999 are refused, naming the field")
  func datesOutOfRange() throws {
    let far = CivilDate(daysSinceEpoch: 10_000_000)
    let money = Money(minorUnits: 100, currency: .brl)
    do {
      _ = try Invoice(id: "A", amount: money, issued: CivilDate(daysSinceEpoch: 0), due: far)
      Issue.record("accepted a date past 9999")
    } catch {
      #expect(error.errors.map(\.path) == ["due"])
    }
  }

  @Test("invalid UTF-8 and lone surrogates have their own message and byte position")
  func encoding() {
    var bytes = Array(#"{"id":"A"#.utf8)
    bytes.append(0xFF)
    bytes += Array(#"","currency":"BRL"}"#.utf8)
    do {
      _ = try Invoice(json: Data(bytes))
      Issue.record("accepted invalid UTF-8")
    } catch {
      #expect(
        error.description
          == "the document is not valid JSON: at line 1, column 9 (byte 8): invalid UTF-8: the byte 0xFF does not start a valid character; the document must be UTF-8 text"
      )
      #expect(error.errors.first?.offset == 8)
    }
    #expect(
      problems(#"{"id":"\ud800x"}"#) == [
        "the document is not valid JSON: at line 1, column 8 (byte 7): a lone surrogate, `\\uD800`: a string must be valid Unicode (a surrogate escape is one of a high-low pair such as `\\uD83D\\uDE00`)"
      ])
    let pair = #"{"id":"A\ud83d\ude00","currency":"BRL","amount":"1","issued":"2026-01-01","due":"2026-01-31"}"#
    #expect((try? Invoice(json: Data(pair.utf8)))?.id == "A😀")
  }

  @Test("every problem of a document in one run, capped with a count of the rest")
  func everyProblem() {
    let many = (0..<30).map { #"{"date":"2026-01-0\#($0 % 9 + 1)","amount":"-\#($0 + 1)"}"# }.joined(separator: ",")
    let lines = problems(#"{"id":"","currency":"BRL","amount":"x","issued":"2026-01-01","payments":[\#(many)]}"#)
    #expect(lines.count == Bounds.reportedInputErrors + 1)
    #expect(lines.first == #"due: missing field; expected a date string such as "2026-03-10""#)
    #expect(lines.contains("amount: `x` is not an amount; write a plain decimal with a point, e.g. `1250.00`"))
    #expect(lines.last?.hasPrefix("and ") == true && lines.last?.hasSuffix(" more problems") == true)
  }

  @Test("a huge unknown key is quoted as a short excerpt, once")
  func hugeKey() {
    let key = String(repeating: "k", count: 100_000)
    let lines = problems(#"{\#(InvoiceReaderTests.base),"amount":"1","\#(key)":1}"#)
    #expect(lines.count == 1)
    #expect(lines[0].utf8.count < 400)
    #expect(lines[0].contains("… (100000 bytes)"))
  }

  @Test("a document over the size bound is refused before it is read")
  func sizeBound() {
    let data = Data(repeating: 0x20, count: Bounds.documentBytes + 1)
    #expect(throws: InvalidInput.self) { try Invoice(json: data) }
  }

  @Test("host channels are channels when the reader is told about them")
  func hostChannels() throws {
    let json = #"{\#(InvoiceReaderTests.base),"amount":"1.00","customer":{"id":"C","opt-outs":["push","sms"]}}"#
    #expect(problems(json).count == 1)
    let invoice = try Invoice(json: Data(json.utf8), hostChannels: ["push"])
    #expect(invoice.customer.optOuts == [try Channel(host: "push"), .sms])
  }

  @Test("metadata is kept on read and write, and written sorted")
  func metadata() throws {
    let json = #"{\#(InvoiceReaderTests.base),"amount":"1.00","metadata":{"erp-id":"A-77","boleto":"2379\n"}}"#
    let invoice = try Invoice(json: Data(json.utf8))
    #expect(invoice.metadata == ["erp-id": "A-77", "boleto": "2379\n"])
    #expect(invoice.jsonLine.contains(#""metadata":{"boleto":"2379\n","erp-id":"A-77"}"#))
    #expect(try Invoice(json: invoice.jsonData()) == invoice)
  }

  @Test("invoices built in Swift obey the reader's rules, each problem naming its field")
  func swiftValidation() throws {
    let brl = try Money(parsing: "1000.00", currency: .brl)
    let yen = try Money(parsing: "100000", currency: .jpy)
    let day = try CivilDate(parsing: "2026-03-01")
    do {
      _ = try Invoice(
        id: "", amount: brl, issued: day, due: day, payments: [Payment(date: day, amount: yen)],
        history: [HistoryEntry(step: "", date: day)])
      Issue.record("accepted a bad invoice")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          #"id: is empty; expected the invoice's id such as "INV-1001""#,
          "payments[0].amount: is in JPY and the invoice in BRL; a payment is in the invoice's currency",
          #"history[0].step: is empty; expected a step id such as "d+1-email""#,
        ])
    }
    var invoice = try Invoice(id: "A", amount: brl, issued: day, due: day)
    #expect(throws: InvalidInput.self) { try invoice.update { $0.payments.append(Payment(date: day, amount: yen)) } }
    #expect(invoice.payments.isEmpty)
    #expect(throws: InvalidInput.self) { try invoice.record(HistoryEntry(step: "", date: day)) }
  }

  @Test("an invoice without a customer writes none, and reads back")
  func noCustomer() throws {
    let invoice = try Invoice(
      id: "A", amount: Money(minorUnits: 1, currency: .brl), issued: CivilDate(daysSinceEpoch: 0),
      due: CivilDate(daysSinceEpoch: 0))
    #expect(!invoice.jsonLine.contains("customer"))
    #expect(try Invoice(json: invoice.jsonData()) == invoice)
  }

  @Test("the writer and the reader agree on generated invoices", arguments: 0..<4)
  func roundTrip(batch: Int) throws {
    var random = SeededRandom(seed: 0x0D0C_0000 + UInt64(batch))
    for _ in 0..<50 {
      let scenario = try RandomScenario.make(&random)
      let invoice = scenario.invoice
      let read = try Invoice(json: invoice.jsonData())
      #expect(read == invoice)
      #expect(read.jsonLine == invoice.jsonLine)
    }
  }
}

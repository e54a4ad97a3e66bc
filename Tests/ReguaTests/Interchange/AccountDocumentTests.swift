import Foundation
import Testing

@testable import Regua

@Suite("Account documents")
struct AccountDocumentTests {
  static func invoice(_ id: String, customer: String? = nil) -> String {
    let own = customer.map { #","customer":\#($0)"# } ?? ""
    return #"{"id":"\#(id)","currency":"BRL","amount":"100.00","issued":"2026-01-01","due":"2026-01-31"\#(own)}"#
  }

  static func account(_ invoices: [String], customer: String = #"{"id":"C-42","segment":"smb"}"#) -> String {
    #"{"customer":\#(customer),"invoices":[\#(invoices.joined(separator: ","))]}"#
  }

  func problems(_ json: String) -> [String] {
    do {
      _ = try Document(json: Data(json.utf8))
      return []
    } catch {
      return error.description.split(separator: "\n").map(String.init)
    }
  }

  @Test("an account reads its customer and invoices, sorted by id, each carrying the account's customer")
  func reads() throws {
    let json = AccountDocumentTests.account([
      AccountDocumentTests.invoice("INV-2"), AccountDocumentTests.invoice("INV-1"),
    ])
    guard case .account(let account) = try Document(json: Data(json.utf8)) else {
      Issue.record("not read as an account")
      return
    }
    #expect(account.customer.id == "C-42")
    #expect(account.invoices.map(\.id) == ["INV-1", "INV-2"])
    #expect(account.invoices.allSatisfy { $0.customer == account.customer })
    #expect(try Account(json: Data(json.utf8)) == account)
  }

  @Test("the order of the invoices changes nothing")
  func orderFree() throws {
    let invoices = (1...5).map { AccountDocumentTests.invoice("INV-\($0)") }
    let forward = try Document(json: Data(AccountDocumentTests.account(invoices).utf8))
    let backward = try Document(json: Data(AccountDocumentTests.account(invoices.reversed()).utf8))
    #expect(forward == backward)
  }

  @Test("an invoice document is still read as an invoice")
  func invoiceDocument() throws {
    let document = try Document(json: Data(AccountDocumentTests.invoice("INV-1").utf8))
    #expect(document.invoices.map(\.id) == ["INV-1"])
    guard case .invoice = document else {
      Issue.record("not read as an invoice")
      return
    }
  }

  @Test(
    "an account's problems are named with their paths",
    arguments: [
      (
        account([invoice("INV-1", customer: #"{"id":"C-7"}"#)]),
        "invoices[0].customer.id: `C-7` is not the account's customer `C-42`; leave the invoice's customer out, or give the account's"
      ),
      (
        account([invoice("INV-1", customer: #"{"id":"C-42","segment":"enterprise"}"#)]),
        "invoices[0].customer.segment: differs from the account's customer; an account has one customer: give its fields once, in `customer`"
      ),
      (
        account([invoice("INV-1"), invoice("INV-1")]),
        "invoices[1].id: `INV-1` is the id of invoices[0] too; each invoice of an account has its own id"
      ),
      (
        #"{"invoices":[\#(invoice("INV-1"))]}"#,
        #"customer: missing field; expected the account's customer such as {"id": "C-42"}"#
      ),
      (
        #"{"id":"A","customer":{"id":"C-42"},"invoices":[]}"#,
        "id: an account document holds `customer` and `invoices` only; `id` belongs to each invoice"
      ),
      (
        account([#"{"id":"INV-1","currency":"BRL","amount":"-1.00","issued":"2026-01-01","due":"2026-01-31"}"#]),
        "invoices[0].amount: `-1.00` is negative; an invoice's amount is zero or more"
      ),
      (#"{"customer":{"id":"C-42"},"invoices":[]}"#, "invoices: is empty; an account has at least one invoice"),
      (
        #"{"customer":{"id":"C-42"},"invoices":{}}"#,
        #"invoices: expected an array of invoice objects such as [{"id": "INV-1", …}], found an object"#
      ),
      (
        account([#"{"customer":{"id":"C-42"},"invoices":[]}"#]),
        "invoices[0].invoices: unknown field `invoices`; the fields here are `id`, `currency`, `amount`, `issued`, `due`, `status`, `customer`, `tags`, `payments`, `promise`, `history`, `metadata`"
      ),
    ])
  func problems(json: String, expected: String) {
    #expect(problems(json).contains(expected), "\(problems(json))")
  }

  @Test("reading an account as an invoice, or an invoice as an account, says how to read it")
  func wrongKind() {
    let account = Data(AccountDocumentTests.account([AccountDocumentTests.invoice("INV-1")]).utf8)
    #expect(throws: InvalidInput.self) { try Invoice(json: account) }
    do {
      _ = try Invoice(json: account)
    } catch {
      #expect(error.description.contains("this is an account document"))
    }
    do {
      _ = try Account(json: Data(AccountDocumentTests.invoice("INV-1").utf8))
      Issue.record("read an invoice as an account")
    } catch {
      #expect(error.description.contains("this is an invoice document, not an account"))
    }
  }

  @Test("in Swift, an account validates as its document does, and update keeps it valid")
  func swiftAPI() throws {
    let invoice = try Invoice(
      id: "INV-1", amount: Money(parsing: "10.00", currency: .brl), issued: day("2026-01-01"), due: day("2026-01-31"))
    var account = try Account(customer: Customer(id: "C-1"), invoices: [invoice])
    #expect(account.invoices[0].customer.id == "C-1")
    try account.update { customer, _ in customer.id = "C-2" }
    #expect(account.invoices[0].customer.id == "C-2")
    #expect(throws: InvalidInput.self) { try account.update { _, invoices in invoices.append(invoices[0]) } }
    #expect(account.invoices.count == 1)
    #expect(throws: InvalidInput.self) { try Account(customer: Customer(id: ""), invoices: []) }
  }

  @Test("a problem deep inside an account's invoice names its whole path")
  func nestedPaths() {
    let invoice =
      #"{"id":"INV-1","currency":"BRL","amount":"100.00","issued":"2026-01-01","due":"2026-01-31","#
      + #""history":[{"step":"d+1-email","date":"2026-02-01"},{"kind":"chat","date":"2026-02-02","extra":1}],"#
      + #""promise":{"date":"2026-02-40"}}"#
    let problems = problems(AccountDocumentTests.account([invoice])).joined(separator: "\n")
    #expect(problems.contains("invoices[0].history[1].kind"), "\(problems)")
    #expect(problems.contains("invoices[0].history[1].extra"), "\(problems)")
    #expect(problems.contains("invoices[0].promise.date"), "\(problems)")
  }

  @Test("an account's problems come all at once: an invoice that does not read, and the account's own checks")
  func allAtOnce() {
    let broken = #"{"id":"INV-1","currency":"BRL","amount":"x","issued":"2026-01-01","due":"2026-01-31"}"#
    let json = AccountDocumentTests.account(
      [broken, Self.invoice("INV-2", customer: #"{"id":"C-9"}"#), Self.invoice("INV-3"), Self.invoice("INV-3")],
      customer: #"{"id":"C-42","timezone":"Mars/Olympus"}"#)
    let paths = problems(json).map { String($0.prefix { $0 != ":" }) }
    #expect(paths == ["invoices[0].amount", "customer.timezone", "invoices[1].customer.id", "invoices[3].id"])
    // A customer that does not read is not compared with the invoices' customers.
    let unread = AccountDocumentTests.account(
      [Self.invoice("INV-1", customer: #"{"id":"C-9"}"#)], customer: #"{"id":"C-42","kind":7}"#)
    #expect(problems(unread).map { String($0.prefix { $0 != ":" }) } == ["customer.kind"])
  }
}

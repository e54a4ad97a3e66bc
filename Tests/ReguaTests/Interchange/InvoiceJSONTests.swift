import Foundation
import Testing

@testable import Regua

@Suite("Invoice JSON")
struct InvoiceJSONTests {
  static let specInvoice = """
    { "id": "INV-1001", "currency": "BRL", "amount": "1250.00",
      "issued": "2026-03-01", "due": "2026-03-10", "status": "open",
      "customer": { "id": "C-42", "kind": "company", "segment": "smb", "tags": ["key-account"] },
      "tags": [],
      "payments": [ { "date": "2026-03-12", "amount": "250.00" } ],
      "promise": { "made": "2026-03-15", "date": "2026-03-20", "amount": "1000.00" },
      "history": [ { "step": "d+1-email", "date": "2026-03-11" },
                   { "step": "manual-call", "date": "2026-03-13", "channel": "call" } ] }
    """

  func decode(_ json: String) throws(InvalidInput) -> Invoice {
    try Invoice(json: Data(json.utf8))
  }

  @Test("the specification's invoice decodes into every field")
  func decodesSpecInvoice() throws {
    let invoice = try decode(InvoiceJSONTests.specInvoice)
    #expect(invoice.id == "INV-1001")
    #expect(invoice.amount == Money(minorUnits: 125_000, currency: .brl))
    #expect(invoice.issued == CivilDate("2026-03-01"))
    #expect(invoice.due == CivilDate("2026-03-10"))
    #expect(invoice.customer == Customer(id: "C-42", kind: .company, segment: "smb", tags: ["key-account"]))
    #expect(
      invoice.payments == [Payment(date: CivilDate("2026-03-12")!, amount: Money(minorUnits: 25_000, currency: .brl))])
    #expect(
      invoice.promise
        == PromiseToPay(
          made: CivilDate("2026-03-15"), date: CivilDate("2026-03-20")!,
          amount: Money(minorUnits: 100_000, currency: .brl)))
    #expect(invoice.history.map(\.step) == ["d+1-email", "manual-call"])
    #expect(invoice.history[1].channel == .call)
  }

  @Test(
    "encoding and decoding round-trips to an equal invoice",
    arguments: ["b2b-invoice.json", "consumer-invoice.json", ""])
  func roundTrip(sample: String) throws {
    let invoice = sample.isEmpty ? try decode(InvoiceJSONTests.specInvoice) : try loadSampleInvoice(sample)
    let data = invoice.jsonData()
    #expect(try Invoice(json: data) == invoice)
    #expect(try Invoice(json: data).jsonData() == data)
  }

  @Test("a minimal invoice needs only id, currency, amount, issued and due")
  func minimal() throws {
    let invoice = try decode(#"{"id":"A","currency":"JPY","amount":"5000","issued":"2026-01-01","due":"2026-01-31"}"#)
    #expect(invoice.status == .open)
    #expect(invoice.amount.description == "5000 JPY")
    #expect(invoice.history.isEmpty && invoice.payments.isEmpty && invoice.promise == nil)
  }

  static let base = #""id":"A","currency":"BRL","issued":"2026-01-01","due":"2026-01-31""#

  @Test(
    "bad input names the field's path and says what is expected",
    arguments: [
      (
        #"{"id":"A","currency":"BRL","amount":1250.00,"issued":"2026-01-01","due":"2026-01-31"}"#,
        "amount: expected a decimal string such as \"250.00\", found a number (JSON numbers lose cents)"
      ),
      (
        #"{\#(base),"amount":"10","status":"paid"}"#,
        #"status: `paid` is not a status; expected "open", "disputed", "cancelled" or "written-off" (paid is derived from `payments`)"#
      ),
      (
        #"{\#(base),"amount":"10","payments":[{"date":"2026-01-02","amount":"-5.00"}]}"#,
        #"payments[0].amount: `-5.00` is not positive; a payment is an amount above zero such as "250.00""#
      ),
      (
        #"{"id":"A","currency":"BRL","amount":"10","issued":"2026-02-01","due":"2026-01-31"}"#,
        "due: `2026-01-31` is before the issue date `2026-02-01`; the due date is on or after it"
      ),
      (
        #"{"id":"A","currency":"XBR","amount":"10","issued":"2026-01-01","due":"2026-01-31"}"#,
        "currency: `XBR` is not an ISO-4217 currency code; use one such as `BRL`, `USD` or `EUR`"
      ),
      (
        #"{"id":"A","currency":"BRL","amount":"10","issued":"2026-01-01"}"#,
        #"due: missing field; expected a date string such as "2026-03-10""#
      ),
      (#"{\#(base),"amount":"10.001"}"#, "amount: `10.001` has too many decimals for BRL; use at most 2 decimals"),
      (
        #"{"id":"A","currency":"BRL","amount":"10","issued":"2026-02-30","due":"2026-03-31"}"#,
        "issued: `2026-02-30` does not exist: that month has 28 days"
      ),
      (#"{\#(base),"amount":"10","stauts":"open"}"#, "stauts: unknown field `stauts`; did you mean `status`?"),
      (
        #"{\#(base),"amount":"10","history":[{"step":"d+1-email","date":"2026-01-02","chanel":"email"}]}"#,
        "history[0].chanel: unknown field `chanel`; did you mean `channel`?"
      ),
      (
        #"{\#(base),"amount":"10","customer":{"id":"C","kind":"robot"}}"#,
        #"customer.kind: `robot` is not a kind; expected "person" or "company""#
      ),
      (
        #"{\#(base),"amount":"10","payments":[{"date":"2026-01-02","amount":"5.00"},{"date":"2026-01-2","amount":"5.00"}]}"#,
        "payments[1].date: `2026-01-2` is not a date; write it as YYYY-MM-DD, e.g. `2026-03-10`"
      ),
      (
        #"{\#(base),"amount":"10","promise":{"made":"2026-01-10","date":"2026-01-05"}}"#,
        "promise.date: `2026-01-05` is before the day the promise was made (`2026-01-10`)"
      ),
      (
        #"{\#(base),"amount":"10","tags":"vip"}"#,
        #"tags: expected an array of strings such as ["vip"], found a string"#
      ),
      (
        #"{\#(base),"amount":"12abc"}"#,
        "amount: `12abc` is not an amount; write a plain decimal with a point, e.g. `1250.00`"
      ),
      (
        #"{\#(base),"amount":"99999999999999999.99"}"#,
        "amount: the amount is too large; an amount is at most 9223372036854775807 minor units (92233720368547758.07 with 2 decimals)"
      ),
      (
        #"{"id":"A","#,
        "the document is not valid JSON: at line 1, column 11 (byte 10): expected a field name in double quotes, found the end of the document"
      ),
      (
        "{\"id\":\"A\",\n \"amount\": \"1\" \"x\"}",
        "the document is not valid JSON: at line 2, column 16 (byte 26): expected `,` or `}`, found `\"`"
      ),
      (
        #"{"id":"Ação}"#,
        "the document is not valid JSON: at line 1, column 13 (byte 14): the string has no closing `\"`"
      ),
      (
        #"[{"id":"A"}"#,
        "the document is not valid JSON: at line 1, column 12 (byte 11): expected `,` or `]`, found the end of the document"
      ),
      (
        "",
        "the document is not valid JSON: at line 1, column 1 (byte 0): expected an invoice or account object `{…}`, found the end of the document"
      ),
      (
        #"{\#(base),"amount":"10","payments":[{"date":"2026-01-02","amount":"92233720368547758.07"},{"date":"2026-01-03","amount":"0.01"}]}"#,
        "payments[1].amount: the amount is too large; an amount is at most 9223372036854775807 minor units (92233720368547758.07 with 2 decimals)"
      ),
    ])
  func inputErrors(json: String, message: String) {
    #expect(throws: (any Error).self) { try decode(json) }
    do {
      _ = try decode(json)
    } catch {
      #expect(error.description == message)
    }
  }
}

@Suite("Plan JSON")
struct PlanJSONTests {
  @Test("a plan prints on one line with sorted keys, unescaped slashes and nulls")
  func pinnedShape() throws {
    let cadence = try Cadence(
      parsing: "cadence \"b2b-standard\" version 3\n  D+14 call when balance >= 500.00\n  D+30 letter x\n")
    let invoice = try Invoice(json: Data(InvoiceJSONTests.specInvoice.utf8))
    let plan = try evaluate(cadence, invoice, on: CivilDate("2026-03-24")!)
    #expect(
      plan.jsonLine
        == #"{"actions":[{"action":"call","args":[],"channel":"call","id":"INV-1001/d+14-call","late":0,"scheduled":"2026-03-24","step":"d+14-call","window":null}],"balance":{"discount":"0.00","fees":"0.00","interest":"0.00","principal":"1000.00","total":"1000.00"},"cadence":"b2b-standard","date":"2026-03-24","invoice":"INV-1001","next":"2026-04-09","skipped":[],"version":3}"#
    )
  }

  @Test("strings are escaped and keys sort by bytes")
  func writer() {
    let value = JSONValue.object(["b": .string("a\"b\\c\n\u{1}/é"), "B": .null, "a": .array([.int(-1), .bool(true)])])
    #expect(value.serialized == #"{"B":null,"a":[-1,true],"b":"a\"b\\c\n\u0001/é"}"#)
  }
}

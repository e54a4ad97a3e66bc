/// The invoice JSON decoded the plain way: a `Codable` struct with synthesised conformance,
/// strings for dates and amounts, nested structs. What `JSONDecoder` is measured decoding.
struct PlainInvoice: Codable {
  struct Customer: Codable {
    var id: String
    var kind: String?
    var segment: String?
    var tags: [String]?
  }

  struct Payment: Codable {
    var date: String
    var amount: String
  }

  struct Promise: Codable {
    var made: String?
    var date: String
    var amount: String?
  }

  struct HistoryEntry: Codable {
    var step: String
    var date: String
    var channel: String?
  }

  var id: String
  var currency: String
  var amount: String
  var issued: String
  var due: String
  var status: String?
  var customer: Customer?
  var tags: [String]?
  var payments: [Payment]?
  var promise: Promise?
  var history: [HistoryEntry]?
}

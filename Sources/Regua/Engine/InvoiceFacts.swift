/// What the conditions can read about an invoice, as it stood at the end of one day.
struct InvoiceFacts {
  let invoice: Invoice
  let day: CivilDate
  let balance: Money
  let daysOverdue: Int
  let promised: Bool

  init(_ invoice: Invoice, on day: CivilDate) {
    self.invoice = invoice
    self.day = day
    balance = invoice.balance(asOf: day)
    daysOverdue = max(0, day.days(since: invoice.due))
    promised = !balance.isZero && (invoice.promise?.stands(on: day) ?? false)
  }

  var isPaid: Bool { balance.isZero }
  var disputed: Bool { invoice.status == .disputed }

  func hasTag(_ tag: String) -> Bool {
    invoice.tags.contains(tag) || invoice.customer.tags.contains(tag)
  }

  /// A field's value, as a person reads it: `250.00 BRL`, `12`, `"smb"`.
  func describe(_ field: Field) -> String {
    switch evaluate(field) {
    case .boolean(let value): return value ? "true" : "false"
    case .money(let money): return money.description
    case .integer(let value): return String(value)
    case .text(let text): return text.quotedForRules
    default: return ""
    }
  }

  func evaluate(_ field: Field) -> RuntimeValue {
    switch field {
    case .balance: return .money(balance)
    case .amount: return .money(invoice.amount)
    case .daysOverdue: return .integer(daysOverdue)
    case .customerID: return .text(invoice.customer.id)
    case .customerKind: return .text(invoice.customer.kind?.rawValue ?? "")
    case .customerSegment: return .text(invoice.customer.segment)
    case .disputed: return .boolean(disputed)
    case .promised: return .boolean(promised)
    }
  }
}

/// The state of one invoice, as the host application knows it.
///
/// Dated facts (payments, the promise's `made` date, history entries) are read *as of* the
/// evaluation date: those dated later have not happened yet. Whether the invoice is paid is
/// derived from its payments, never stored.
public struct Invoice: Sendable, Hashable {
  /// The host's identifier; it prefixes every action id (`INV-1001/d+14-call`).
  public var id: String
  /// The amount invoiced; its currency is the invoice's currency.
  public var amount: Money
  /// The day the invoice was issued.
  public var issued: CivilDate
  /// The day payment is due.
  public var due: CivilDate
  /// The status the host records; `paid` is not a status, it is derived from ``payments``.
  public var status: InvoiceStatus
  /// Who owes the invoice.
  public var customer: Customer
  /// Free-form tags, tested with `tagged "x"` in rules.
  public var tags: [String]
  /// Payments received, in any order.
  public var payments: [Payment]
  /// The customer's promise to pay, if one was made.
  public var promise: PromiseToPay?
  /// The steps already executed for this invoice, in any order.
  public var history: [HistoryEntry]

  /// Creates an invoice.
  public init(
    id: String, amount: Money, issued: CivilDate, due: CivilDate, status: InvoiceStatus = .open,
    customer: Customer = Customer(id: ""), tags: [String] = [], payments: [Payment] = [],
    promise: PromiseToPay? = nil, history: [HistoryEntry] = []
  ) {
    self.id = id
    self.amount = amount
    self.issued = issued
    self.due = due
    self.status = status
    self.customer = customer
    self.tags = tags
    self.payments = payments
    self.promise = promise
    self.history = history
  }

  /// The invoice's currency.
  public var currency: Currency { amount.currency }

  /// The amount still owed at the end of `date`: the amount less the payments dated on or before
  /// it, never below zero. Payments that are not above zero have no effect (the JSON reader
  /// rejects them).
  public func balance(asOf date: CivilDate) -> Money {
    var paid: Int64 = 0
    for payment in payments where payment.date <= date && payment.amount.minorUnits > 0 {
      let (sum, overflow) = paid.addingReportingOverflow(payment.amount.minorUnits)
      paid = overflow ? .max : sum
    }
    let (remaining, overflow) = amount.minorUnits.subtractingReportingOverflow(paid)
    return Money(minorUnits: overflow || remaining < 0 ? 0 : remaining, currency: currency)
  }
}

/// The status a host records for an invoice.
public enum InvoiceStatus: String, Sendable, Hashable, CaseIterable, Codable {
  /// Open: collection proceeds (a fully paid open invoice stops all the same).
  case open
  /// The customer disputes the invoice; `pause when disputed` holds.
  case disputed
  /// Cancelled: collection stops.
  case cancelled
  /// Written off: collection stops.
  case writtenOff = "written-off"
}

/// A payment received against an invoice.
public struct Payment: Sendable, Hashable {
  /// The day the payment was received.
  public var date: CivilDate
  /// The amount received, in the invoice's currency; positive.
  public var amount: Money

  /// Creates a payment.
  public init(date: CivilDate, amount: Money) {
    self.date = date
    self.amount = amount
  }
}

/// A customer's promise to pay by a date.
public struct PromiseToPay: Sendable, Hashable {
  /// The day the promise was made; `nil` means it counts from the start.
  public var made: CivilDate?
  /// The day the customer promised to pay by.
  public var date: CivilDate
  /// The amount promised, if stated.
  public var amount: Money?

  /// Creates a promise to pay.
  public init(made: CivilDate? = nil, date: CivilDate, amount: Money? = nil) {
    self.made = made
    self.date = date
    self.amount = amount
  }

  /// Whether the promise stands on `day`: made on or before it, and `day` not after the promised
  /// date.
  public func stands(on day: CivilDate) -> Bool {
    (made.map { $0 <= day } ?? true) && day <= date
  }
}

/// One step the host executed for an invoice.
public struct HistoryEntry: Sendable, Hashable, Codable {
  /// The step id (`d+14-call`), or a host-defined id for contacts made outside the cadence.
  public var step: String
  /// The day it was executed.
  public var date: CivilDate
  /// The contact channel, when the step is not a contact step of the cadence but should count
  /// towards contact limits (`"channel": "call"` for a manual call).
  public var channel: String?

  /// Creates a history entry.
  public init(step: String, date: CivilDate, channel: String? = nil) {
    self.step = step
    self.date = date
    self.channel = channel
  }
}

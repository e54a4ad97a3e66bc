/// The state of one invoice, as the host application knows it.
///
/// Dated facts (payments, the promise's `made` date, history entries) are read *as of* the
/// evaluation date: those dated later have not happened yet. Whether the invoice is paid is
/// derived from its payments, never stored.
public struct Invoice: Sendable, Hashable {
  /// The host's identifier; it prefixes every action id (`INV-1001/d+14-call`).
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var id: String
  /// The amount invoiced; its currency is the invoice's currency.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var amount: Money
  /// The day the invoice was issued.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var issued: CivilDate
  /// The day payment is due.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var due: CivilDate
  /// The status the host records; `paid` is not a status, it is derived from ``payments``.
  /// Every status is valid, so it may be set directly.
  public var status: InvoiceStatus
  /// Who owes the invoice; `Customer(id: "")` when the host gives none.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var customer: Customer
  /// Free-form tags, tested with `tagged "x"` in rules.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var tags: [String]
  /// Payments received, in any order.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var payments: [Payment]
  /// The customer's promise to pay, if one was made.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var promise: PromiseToPay?
  /// The steps already executed for this invoice, in any order.
  ///
  /// Read-only, so an invoice stays valid: add to it with ``record(_:)``, or change it with
  /// ``update(_:)``; both validate.
  public internal(set) var history: [HistoryEntry]
  /// The host's own fields (an ERP id, a boleto's barcode): kept when the invoice is read and
  /// written, never read by rules.
  ///
  /// Read-only, so an invoice stays valid: change it with ``update(_:)``, which validates.
  public internal(set) var metadata: [String: String]

  /// Creates an invoice, validated by the rules the JSON reader applies: a non-empty id, an
  /// amount of zero or more, a due date on or after the issue date, payments above zero in the
  /// invoice's currency, and every limit of ``Bounds``.
  ///
  /// - Throws: ``InvalidInput`` listing every problem, each naming its field
  ///   (`payments[0].amount`).
  public init(
    id: String, amount: Money, issued: CivilDate, due: CivilDate, status: InvoiceStatus = .open,
    customer: Customer = Customer(id: ""), tags: [String] = [], payments: [Payment] = [],
    promise: PromiseToPay? = nil, history: [HistoryEntry] = [], metadata: [String: String] = [:]
  ) throws(InvalidInput) {
    try self.init(
      Draft(
        id: id, amount: amount, issued: issued, due: due, status: status, customer: customer, tags: tags,
        payments: payments, promise: promise, history: history, metadata: metadata))
  }

  /// Creates an invoice from a draft, validated as ``init(id:amount:issued:due:status:customer:tags:payments:promise:history:metadata:)``
  /// validates.
  ///
  /// - Throws: ``InvalidInput`` listing every problem.
  public init(_ draft: Draft) throws(InvalidInput) {
    var problems = InputErrorList()
    Invoice.validate(draft, into: &problems)
    if let invalid = problems.invalidInput { throw invalid }
    self.init(unchecked: draft)
  }

  /// An invoice from a draft already validated (or built by the library from valid parts).
  init(unchecked draft: Draft) {
    id = draft.id
    amount = draft.amount
    issued = draft.issued
    due = draft.due
    status = draft.status
    customer = draft.customer
    tags = draft.tags
    payments = draft.payments
    promise = draft.promise
    history = draft.history
    metadata = draft.metadata
  }

  /// The invoice's fields as a draft, to change and validate again.
  public var draft: Draft {
    Draft(
      id: id, amount: amount, issued: issued, due: due, status: status, customer: customer, tags: tags,
      payments: payments, promise: promise, history: history, metadata: metadata)
  }

  /// Changes the invoice through its draft and validates the result; when the change makes it
  /// invalid, the invoice is left as it was and the problems are thrown.
  ///
  /// ```swift
  /// try invoice.update { $0.payments.append(Payment(date: today, amount: received)) }
  /// ```
  ///
  /// The change itself cannot fail: compute what may fail (an amount read from text) before
  /// calling `update`, so that the only error is the invoice's own. Inside the closure, read the
  /// invoice's fields from the draft (`$0.amount.currency`), not from `invoice`, which is being
  /// changed (Swift reports overlapping access).
  ///
  /// - Throws: ``InvalidInput`` listing every problem of the changed invoice, as the
  ///   initialisers and ``record(_:)`` do.
  public mutating func update(_ change: (inout Draft) -> Void) throws(InvalidInput) {
    var draft = self.draft
    change(&draft)
    self = try Invoice(draft)
  }

  /// Records a step the host executed: appends `entry` to the history once it is valid.
  ///
  /// - Throws: ``InvalidInput`` naming the entry's field at fault.
  public mutating func record(_ entry: HistoryEntry) throws(InvalidInput) {
    var problems = InputErrorList()
    Invoice.validate(entry, at: "history[\(history.count)]", into: &problems)
    if history.count >= Bounds.documentItems {
      problems.add("history", "has \(history.count) entries; an invoice has at most \(Bounds.documentItems)")
    }
    if let invalid = problems.invalidInput { throw invalid }
    history.append(entry)
  }

  /// The invoice's currency.
  public var currency: Currency { amount.currency }
}

extension Invoice {
  /// An invoice's fields before validation: build one, change it freely, then make it an
  /// ``Invoice`` with ``Invoice/init(_:)``.
  public struct Draft: Sendable, Hashable {
    /// The host's identifier.
    public var id: String
    /// The amount invoiced.
    public var amount: Money
    /// The day the invoice was issued.
    public var issued: CivilDate
    /// The day payment is due.
    public var due: CivilDate
    /// The status the host records.
    public var status: InvoiceStatus
    /// Who owes the invoice.
    public var customer: Customer
    /// Free-form tags.
    public var tags: [String]
    /// Payments received.
    public var payments: [Payment]
    /// The customer's promise to pay.
    public var promise: PromiseToPay?
    /// The steps already executed.
    public var history: [HistoryEntry]
    /// The host's own fields.
    public var metadata: [String: String]

    /// Creates a draft.
    public init(
      id: String, amount: Money, issued: CivilDate, due: CivilDate, status: InvoiceStatus = .open,
      customer: Customer = Customer(id: ""), tags: [String] = [], payments: [Payment] = [],
      promise: PromiseToPay? = nil, history: [HistoryEntry] = [], metadata: [String: String] = [:]
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
      self.metadata = metadata
    }
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
public struct HistoryEntry: Sendable, Hashable {
  /// The step id (`d+14-call`), or a host-defined id for contacts made outside the cadence.
  public var step: String
  /// The day it was executed.
  public var date: CivilDate
  /// The contact channel, when the step is not a contact step of the cadence but should count
  /// towards contact limits (`"channel": "call"` for a manual call).
  public var channel: Channel?
  /// What the entry records: a step executed (the default), or a conversation with the customer.
  public var kind: Kind

  /// What a history entry records.
  public enum Kind: String, Sendable, Hashable {
    /// A step executed, or a contact made outside the cadence (`"channel"`).
    case step
    /// A conversation with the customer about the debt (`"kind": "conversation"`): a cadence's
    /// `after conversation wait N days` holds contacts after it. With a `channel`, it also
    /// counts as a contact on it.
    case conversation
  }

  /// Creates a history entry.
  public init(step: String, date: CivilDate, channel: Channel? = nil, kind: Kind = .step) {
    self.step = step
    self.date = date
    self.channel = channel
    self.kind = kind
  }

  /// A conversation with the customer on `date` (id `conversation` unless given), on `channel`
  /// when it counts as a contact too.
  public static func conversation(on date: CivilDate, channel: Channel? = nil, id: String = "conversation")
    -> HistoryEntry
  {
    HistoryEntry(step: id, date: date, channel: channel, kind: .conversation)
  }
}

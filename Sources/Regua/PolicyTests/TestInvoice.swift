/// The one fixture behind every test invoice: `test` blocks in rule files and `ReguaTesting`'s
/// `Invoice.make` start from the same defaults, so an `I+14` step lands on the same day in both.
///
/// Dated facts may be written as offsets (``DateReference``); they are resolved through the
/// ``Schedule`` of the cadence under test, exactly as its steps are.
///
/// ```swift
/// var fixture = TestInvoice(amount: try Money(parsing: "1250.00", currency: .brl), due: due)
/// fixture.payments.append(TestPayment(date: .offset(.due(2)), amount: partial))
/// let invoice = fixture.invoice(for: cadence)
/// ```
public struct TestInvoice: Sendable, Hashable {
  /// The invoice id used when a test names none.
  public static let defaultID = "INV-1"
  /// The customer used when a test names none: id `C-1`, no kind, no segment.
  public static let defaultCustomer = Customer(id: "C-1")
  /// The currency used when a test names none.
  public static let defaultCurrency = Currency.brl
  /// Days from the issue date to the due date when a test gives no issue date (net 30).
  public static let defaultTerm = 30

  /// The invoice id.
  public var id: String
  /// The amount invoiced.
  public var amount: Money
  /// The due date.
  public var due: CivilDate
  /// The issue date: ``defaultTerm`` days before the due date unless set.
  public var issued: CivilDate
  /// The status.
  public var status: InvoiceStatus
  /// The customer.
  public var customer: Customer
  /// The invoice's tags.
  public var tags: [String]
  /// Payments received.
  public var payments: [TestPayment]
  /// The promise to pay, if any.
  public var promise: TestPromise?
  /// Steps already executed.
  public var history: [TestHistoryEntry]

  /// Creates a fixture with the shared defaults for everything not given.
  public init(
    id: String = TestInvoice.defaultID, amount: Money, due: CivilDate, issued: CivilDate? = nil,
    status: InvoiceStatus = .open, customer: Customer = TestInvoice.defaultCustomer, tags: [String] = []
  ) {
    self.id = id
    self.amount = amount
    self.due = due
    self.issued = issued ?? due.adding(days: -TestInvoice.defaultTerm)
    self.status = status
    self.customer = customer
    self.tags = tags
    self.payments = []
    self.promise = nil
    self.history = []
  }

  /// The invoice under `cadence`: its dated facts resolved through the cadence's schedule for
  /// it. A fact whose offset names no date (past 9999-12-31) is left out.
  ///
  /// - Throws: ``InvalidInput`` when the fixture makes an invoice that is not valid (an issue
  ///   date after the due date, a payment in another currency…), as any invoice would;
  ///   ``EnvironmentError`` when the cadence names a calendar the environment does not have.
  public func invoice(for cadence: Cadence, environment: Environment = .standard) throws -> Invoice {
    try invoice(in: Schedule(cadence: cadence, invoice: datesOnly, environment: environment))
  }

  /// The invoice with its dated facts resolved through `schedule` (the schedule of its dates).
  func invoice(in schedule: Schedule) throws(InvalidInput) -> Invoice {
    var draft = Invoice.Draft(
      id: id, amount: amount, issued: issued, due: due, status: status, customer: customer, tags: tags)
    draft.payments = payments.compactMap { payment in
      payment.date.resolve(in: schedule).map { Payment(date: $0, amount: payment.amount) }
    }
    if let promise, let date = promise.date.resolve(in: schedule) {
      draft.promise = PromiseToPay(made: promise.made.flatMap { $0.resolve(in: schedule) }, date: date)
    }
    draft.history = history.compactMap { entry in
      entry.date.resolve(in: schedule).map { date in
        HistoryEntry(
          step: entry.step, date: date, channel: entry.channel.flatMap(Channel.init(word:)), kind: entry.kind)
      }
    }
    return try Invoice(draft)
  }

  /// The invoice's id, amount and dates alone, unchecked: what a schedule reads to resolve the
  /// fixture's offsets.
  var datesOnly: Invoice { Invoice(unchecked: Invoice.Draft(id: id, amount: amount, issued: issued, due: due)) }

  /// The invoice with offsets counted in plain calendar days (a cadence without a business
  /// calendar), for looking at a fixture without a cadence.
  ///
  /// - Throws: ``InvalidInput`` when the fixture makes an invoice that is not valid.
  public func invoice() throws(InvalidInput) -> Invoice { try invoice(in: Schedule.plain(for: datesOnly)) }
}

/// A payment in a test: when, possibly as an offset, and how much.
public struct TestPayment: Sendable, Hashable {
  /// When it was received.
  public var date: DateReference
  /// How much.
  public var amount: Money

  /// Creates a payment.
  public init(date: DateReference, amount: Money) {
    self.date = date
    self.amount = amount
  }
}

/// A promise to pay in a test.
public struct TestPromise: Sendable, Hashable {
  /// The day promised.
  public var date: DateReference
  /// The day it was made, if given.
  public var made: DateReference?

  /// Creates a promise.
  public init(date: DateReference, made: DateReference? = nil) {
    self.date = date
    self.made = made
  }
}

/// A history entry in a test.
public struct TestHistoryEntry: Sendable, Hashable {
  /// The step id recorded.
  public var step: String
  /// When it was executed.
  public var date: DateReference
  /// The channel, for contacts the cadence does not know.
  public var channel: String?
  /// What it records: a step, or a conversation with the customer.
  public var kind: HistoryEntry.Kind

  /// Creates a history entry.
  public init(step: String, date: DateReference, channel: String? = nil, kind: HistoryEntry.Kind = .step) {
    self.step = step
    self.date = date
    self.channel = channel
    self.kind = kind
  }
}

import Foundation

extension Invoice {
  /// Reads an invoice document in the pinned JSON shape, straight from its bytes.
  ///
  /// Every field is checked: its type, its value, unknown and duplicate fields, trailing commas,
  /// UTF-8, and then the rules every ``Invoice`` obeys. One run reports every problem of the
  /// document (up to ``Bounds/reportedInputErrors``), each naming its field's path. An account
  /// document is refused, saying how to read it (``Document/init(json:hostChannels:)`` reads
  /// either).
  ///
  /// - Parameters:
  ///   - data: The document, at most ``Bounds/documentBytes`` bytes.
  ///   - hostChannels: Channels besides the built-in ones that the customer's `channels` and
  ///     `opt-outs` may name: the channels the cadence's `notify` steps use
  ///     (``Cadence/hostChannels``).
  /// - Throws: ``InvalidInput`` listing the problems.
  public init(json data: Data, hostChannels: Set<String> = []) throws(InvalidInput) {
    switch try Document(json: data, hostChannels: hostChannels) {
    case .invoice(let invoice): self = invoice
    case .account:
      throw InvalidInput(
        InputError(
          path: "",
          message: "this is an account document (`customer` and `invoices`), not an invoice; read it with "
            + "`Document(json:)` or `Account(json:)`"))
    }
  }
}

extension DocumentReader {
  static let invoiceFields = [
    "id", "currency", "amount", "issued", "due", "status", "customer", "tags", "payments", "promise", "history",
    "metadata",
  ]
  /// The fields of a top-level document: an invoice's, and an account's `invoices` (with
  /// `customer`, which both have).
  static let documentFields = invoiceFields + ["invoices"]
  /// The bit of `customer`, and of `invoices`, in a document's present fields.
  static let customerBit: UInt64 = 1 << 6
  static let invoicesBit: UInt64 = 1 << 12
  /// What each of the first five fields, the required ones, holds.
  static let requiredInvoiceFields = [
    "the invoice's id such as \"INV-1001\"", "an ISO-4217 code such as \"BRL\"",
    "a decimal string such as \"1250.00\"", "a date string such as \"2026-03-01\"",
    "a date string such as \"2026-03-10\"",
  ]
  static let customerFields = ["id", "kind", "segment", "tags", "channels", "opt-outs", "timezone"]
  static let paymentFields = ["date", "amount"]
  static let promiseFields = ["made", "date", "amount"]
  static let historyFields = ["step", "date", "channel", "kind"]

  /// Reads an invoice object at `path` and validates it; returns the draft when it is valid
  /// (problems are in ``problems``).
  mutating func readInvoice(at path: FieldPath) throws(JSONSyntaxError) -> Invoice.Draft? {
    guard scanner.peekKind() == .object else {
      if scanner.peekKind() == nil { throw scanner.unexpected("an invoice object `{…}`") }
      try mismatch(at: path, expecting: "an invoice object `{…}`")
      return nil
    }
    let before = problems.errors.count + problems.unlisted
    var fields = InvoiceFields()
    let present = try readObject(at: path, known: DocumentReader.invoiceFields) {
      reader, name, path throws(JSONSyntaxError) in
      try reader.readInvoiceField(name, at: path, into: &fields)
    }
    return invoice(fields, present: present, at: path, problemsBefore: before)
  }

  /// The invoice of an object's fields, validated; `nil` when it has problems (they are in
  /// ``problems``, counted from `before`).
  mutating func invoice(
    _ fields: InvoiceFields, present: UInt64, at path: FieldPath, problemsBefore before: Int
  ) -> Invoice.Draft? {
    let currency = fields.currency
    if present & 0b11111 != 0b11111 {
      for (index, expectation) in DocumentReader.requiredInvoiceFields.enumerated()
      where present & (1 << UInt64(index)) == 0 {
        report(path.appending(DocumentReader.invoiceFields[index]), "missing field; expected \(expectation)")
      }
    }
    let amount = fields.amount?.money(in: currency, &self)
    var payments: [Payment] = []
    for pending in fields.payments {
      if let date = pending.date, let amount = pending.amount?.money(in: currency, &self) {
        payments.append(Payment(date: date, amount: amount))
      }
    }
    var promise: PromiseToPay?
    if let pending = fields.promise, let date = pending.date {
      let amount = pending.amount?.money(in: currency, &self)
      if pending.amount == nil || amount != nil {
        promise = PromiseToPay(made: pending.made, date: date, amount: amount)
      }
    }
    // The rest is validated even when a field could not be read: placeholders stand for the
    // fields already reported, and without a currency the amounts are not judged again.
    let placeholder = CivilDate(year: 2000, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 10_957)
    let draft = Invoice.Draft(
      id: fields.id ?? "", amount: amount ?? .zero(currency ?? .brl), issued: fields.issued ?? placeholder,
      due: fields.due ?? fields.issued ?? placeholder, status: fields.status, customer: fields.customer,
      tags: fields.tags, payments: currency == nil ? [] : payments, promise: currency == nil ? nil : promise,
      history: fields.history, metadata: fields.metadata)
    var validation = InputErrorList()
    let prefix = path.base.isEmpty && path.field.isEmpty ? "" : path.rendered
    var reported = ReportedFields(prefix: prefix, paths: reportedPaths)
    if currency == nil { reported.paths.insert(prefix.isEmpty ? "amount" : prefix + ".amount") }
    Invoice.validate(draft, into: &validation, reported: reported)
    problems.append(validation, under: prefix)
    guard currency != nil else { return nil }
    return problems.errors.count + problems.unlisted == before ? draft : nil
  }

  /// One field of an invoice object.
  mutating func readInvoiceField(
    _ name: String, at path: FieldPath, into fields: inout InvoiceFields
  ) throws(JSONSyntaxError) {
    let offset = scanner.index
    switch name {
    case "id":
      fields.id = try string(at: path, expecting: "the invoice's id as a string such as \"INV-1001\"")
    case "currency":
      guard let code = try string(at: path, expecting: "an ISO-4217 code such as \"BRL\"") else { return }
      fields.currency = Currency(code)
      if fields.currency == nil { report(path, MoneyError.unknownCurrency(code).description, offset: offset) }
    case "amount":
      fields.amount = try amount(at: path)
    case "issued":
      fields.issued = try date(at: path)
    case "due":
      fields.due = try date(at: path)
    case "status":
      guard let text = try optionalString(at: path, expecting: "a status such as \"open\"") else { return }
      guard let status = InvoiceStatus(rawValue: text) else {
        let hint = text == "paid" ? " (paid is derived from `payments`)" : ""
        report(
          path,
          "`\(SafeText.excerpt(text))` is not a status\(LookAlikes.note(text)); expected \"open\", \"disputed\", \"cancelled\" or \"written-off\"\(hint)",
          offset: offset)
        return
      }
      fields.status = status
    case "customer":
      if try scanner.consumeNull() { return }
      fields.customer = try readCustomer(at: path) ?? fields.customer
    case "tags":
      fields.tags = try strings(at: path, expecting: "\"vip\"")
    case "payments":
      if try scanner.consumeNull() { return }
      guard scanner.peekKind() == .array else {
        try mismatch(
          at: path, expecting: "an array of payments such as [{\"date\": \"2026-03-12\", \"amount\": \"250.00\"}]")
        return
      }
      try readArray(at: path) { reader, path throws(JSONSyntaxError) in
        if let payment = try reader.readPayment(at: path) { fields.payments.append(payment) }
      }
    case "promise":
      if try scanner.consumeNull() { return }
      fields.promise = try readPromise(at: path)
    case "history":
      if try scanner.consumeNull() { return }
      guard scanner.peekKind() == .array else {
        try mismatch(
          at: path,
          expecting: "an array of history entries such as [{\"step\": \"d+1-email\", \"date\": \"2026-03-11\"}]")
        return
      }
      try readArray(at: path) { reader, path throws(JSONSyntaxError) in
        if let entry = try reader.readHistoryEntry(at: path) { fields.history.append(entry) }
      }
    case "metadata":
      if try scanner.consumeNull() { return }
      fields.metadata = try readMetadata(at: path)
    case "invoices":
      try readAccountInvoices(at: path, into: &fields)
    default:
      try scanner.skipValue()
    }
  }

  /// An amount: a decimal string, parsed once the currency is known.
  private mutating func amount(at path: FieldPath) throws(JSONSyntaxError) -> PendingAmount? {
    let offset = scanner.index
    guard let text = try string(at: path, expecting: "a decimal string such as \"250.00\"") else { return nil }
    return PendingAmount(text: text, path: path, offset: offset)
  }

  private mutating func readPayment(at path: FieldPath) throws(JSONSyntaxError) -> PendingPayment? {
    guard scanner.peekKind() == .object else {
      try mismatch(at: path, expecting: "a payment such as {\"date\": \"2026-03-12\", \"amount\": \"250.00\"}")
      return nil
    }
    var payment = PendingPayment()
    let present = try readObject(at: path, known: DocumentReader.paymentFields) {
      reader, name, path throws(JSONSyntaxError) in
      if name == "date" {
        payment.date = try reader.date(at: path)
      } else {
        payment.amount = try reader.amount(at: path)
      }
    }
    if present & 1 == 0 {
      report(path.appending("date"), "missing field; expected a date string such as \"2026-03-12\"")
    }
    if present & 2 == 0 {
      report(path.appending("amount"), "missing field; expected a decimal string such as \"250.00\"")
    }
    return payment
  }

  private mutating func readPromise(at path: FieldPath) throws(JSONSyntaxError) -> PendingPromise? {
    guard scanner.peekKind() == .object else {
      try mismatch(at: path, expecting: "a promise such as {\"made\": \"2026-03-15\", \"date\": \"2026-03-20\"}")
      return nil
    }
    var promise = PendingPromise()
    let present = try readObject(at: path, known: DocumentReader.promiseFields) {
      reader, name, path throws(JSONSyntaxError) in
      switch name {
      case "made":
        if try !reader.scanner.consumeNull() { promise.made = try reader.date(at: path) }
      case "date":
        promise.date = try reader.date(at: path)
      default:
        if try !reader.scanner.consumeNull() { promise.amount = try reader.amount(at: path) }
      }
    }
    if present & 2 == 0 {
      report(path.appending("date"), "missing field; expected the promised date such as \"2026-03-20\"")
    }
    return promise
  }

  private mutating func readHistoryEntry(at path: FieldPath) throws(JSONSyntaxError) -> HistoryEntry? {
    guard scanner.peekKind() == .object else {
      try mismatch(at: path, expecting: "a history entry such as {\"step\": \"d+1-email\", \"date\": \"2026-03-11\"}")
      return nil
    }
    var step: String?
    var date: CivilDate?
    var channel: Channel?
    var kind = HistoryEntry.Kind.step
    let present = try readObject(at: path, known: DocumentReader.historyFields) {
      reader, name, path throws(JSONSyntaxError) in
      switch name {
      case "step":
        step = try reader.string(at: path, expecting: "a step id such as \"d+1-email\"")
      case "date":
        date = try reader.date(at: path)
      case "kind":
        let offset = reader.scanner.index
        let text = try reader.string(at: path, expecting: "\"step\" or \"conversation\"")
        if let text {
          if let known = HistoryEntry.Kind(rawValue: text) {
            kind = known
          } else {
            reader.report(
              path, "`\(SafeText.excerpt(text))` is not a history entry's kind; expected \"step\" or \"conversation\"",
              offset: offset)
          }
        }
      default:
        let offset = reader.scanner.index
        guard let name = try reader.optionalString(at: path, expecting: "a channel such as \"call\"") else { break }
        switch Channel.named(name, hostChannels: reader.hostChannels) {
        case .success(let named): channel = named
        case .failure(let error): reader.report(path, error.message, offset: offset)
        }
      }
    }
    // A conversation needs no step id: it is `conversation` unless the host gives one.
    if present & 1 == 0, kind == .conversation { step = "conversation" }
    if step == nil { report(path.appending("step"), "missing field; expected a step id such as \"d+1-email\"") }
    if present & 2 == 0 {
      report(path.appending("date"), "missing field; expected a date string such as \"2026-03-11\"")
    }
    guard let step, let date else { return nil }
    return HistoryEntry(step: step, date: date, channel: channel, kind: kind)
  }
}

/// What an invoice object held, before the currency is known and the invoice validated.
struct InvoiceFields {
  var id: String?
  var currency: Currency?
  var amount: PendingAmount?
  var issued: CivilDate?
  var due: CivilDate?
  var status = InvoiceStatus.open
  var customer = Customer(id: "")
  var tags: [String] = []
  var payments: [PendingPayment] = []
  var promise: PendingPromise?
  var history: [HistoryEntry] = []
  var metadata: [String: String] = [:]
  /// An account document's invoices (`nil` for an invoice's fields), each `nil` when it has
  /// problems.
  var invoices: [Invoice.Draft?] = []
}

/// A payment whose amount waits for the currency.
struct PendingPayment {
  var date: CivilDate?
  var amount: PendingAmount?
}

/// A promise whose amount waits for the currency.
struct PendingPromise {
  var made: CivilDate?
  var date: CivilDate?
  var amount: PendingAmount?
}

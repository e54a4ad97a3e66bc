extension Invoice: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, currency, amount, issued, due, status, customer, tags, payments, promise, history
  }

  enum PaymentKeys: String, CodingKey, CaseIterable {
    case date, amount
  }

  enum PromiseKeys: String, CodingKey, CaseIterable {
    case made, date, amount
  }

  /// Decodes an invoice in the pinned JSON shape, validating every field.
  ///
  /// `id`, `currency`, `amount`, `issued` and `due` are required; `status` defaults to `open`;
  /// `customer`, `tags`, `payments`, `promise` and `history` may be left out.
  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownFields(CodingKeys.allCases.map(\.rawValue))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decodeString(forKey: .id, expecting: "the invoice's id as a string")
    guard !id.isEmpty else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: container, debugDescription: "is empty; expected the invoice's id such as \"INV-1001\"")
    }
    let code = try container.decodeString(forKey: .currency, expecting: "an ISO-4217 code such as \"BRL\"")
    guard let currency = Currency(code) else {
      throw DecodingError.dataCorruptedError(
        forKey: .currency, in: container, debugDescription: MoneyError.unknownCurrency(code).description)
    }
    amount = try container.decodeMoney(forKey: .amount, currency: currency)
    guard !amount.isNegative else {
      throw DecodingError.dataCorruptedError(
        forKey: .amount, in: container,
        debugDescription: "`\(amount.amountString)` is negative; an invoice's amount is zero or more")
    }
    issued = try container.decodeDate(forKey: .issued)
    due = try container.decodeDate(forKey: .due)
    guard due >= issued else {
      throw DecodingError.dataCorruptedError(
        forKey: .due, in: container,
        debugDescription: "`\(due)` is before the issue date `\(issued)`; the due date is on or after it")
    }
    if try container.decodeNilOrAbsent(.status) {
      status = .open
    } else {
      let text = try container.decodeString(forKey: .status, expecting: "a status such as \"open\"")
      guard let status = InvoiceStatus(rawValue: text) else {
        let hint = text == "paid" ? " (paid is derived from `payments`)" : ""
        throw DecodingError.dataCorruptedError(
          forKey: .status, in: container,
          debugDescription:
            "`\(text)` is not a status; expected \"open\", \"disputed\", \"cancelled\" or \"written-off\"\(hint)")
      }
      self.status = status
    }
    customer =
      try container.decodeNilOrAbsent(.customer)
      ? Customer(id: "") : try container.decode(Customer.self, forKey: .customer)
    tags = try container.decodeStrings(forKey: .tags)
    payments = try Invoice.decodePayments(container, currency: currency)
    promise = try Invoice.decodePromise(container, currency: currency)
    history =
      try container.decodeNilOrAbsent(.history) ? [] : try container.decode([HistoryEntry].self, forKey: .history)
  }

  private static func decodePayments(
    _ container: KeyedDecodingContainer<CodingKeys>, currency: Currency
  ) throws -> [Payment] {
    guard !(try container.decodeNilOrAbsent(.payments)) else { return [] }
    var list = try container.nestedUnkeyedContainer(forKey: .payments)
    var payments: [Payment] = []
    var total = Money.zero(currency)
    while !list.isAtEnd {
      let decoder = try list.superDecoder()
      try decoder.rejectUnknownFields(PaymentKeys.allCases.map(\.rawValue))
      let fields = try decoder.container(keyedBy: PaymentKeys.self)
      let payment = Payment(
        date: try fields.decodeDate(forKey: .date), amount: try fields.decodeMoney(forKey: .amount, currency: currency))
      guard payment.amount.minorUnits > 0 else {
        throw DecodingError.dataCorruptedError(
          forKey: .amount, in: fields,
          debugDescription:
            "`\(payment.amount.amountString)` is not positive; a payment is an amount above zero such as \"250.00\"")
      }
      do {
        total = try total.adding(payment.amount)
      } catch {
        throw DecodingError.dataCorruptedError(forKey: .amount, in: fields, debugDescription: error.description)
      }
      payments.append(payment)
    }
    return payments
  }

  private static func decodePromise(
    _ container: KeyedDecodingContainer<CodingKeys>, currency: Currency
  ) throws -> PromiseToPay? {
    guard !(try container.decodeNilOrAbsent(.promise)) else { return nil }
    let decoder = try container.superDecoder(forKey: .promise)
    try decoder.rejectUnknownFields(PromiseKeys.allCases.map(\.rawValue))
    let fields = try decoder.container(keyedBy: PromiseKeys.self)
    let made = try fields.decodeDateIfPresent(forKey: .made)
    let date = try fields.decodeDate(forKey: .date)
    if let made, made > date {
      throw DecodingError.dataCorruptedError(
        forKey: .date, in: fields, debugDescription: "`\(date)` is before the day the promise was made (`\(made)`)")
    }
    let amount =
      try fields.decodeNilOrAbsent(.amount) ? nil : try fields.decodeMoney(forKey: .amount, currency: currency)
    return PromiseToPay(made: made, date: date, amount: amount)
  }

  /// Encodes the invoice in the pinned JSON shape; amounts are decimal strings.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(currency.code, forKey: .currency)
    try container.encode(amount.amountString, forKey: .amount)
    try container.encode(issued, forKey: .issued)
    try container.encode(due, forKey: .due)
    try container.encode(status, forKey: .status)
    try container.encode(customer, forKey: .customer)
    try container.encode(tags, forKey: .tags)
    var list = container.nestedUnkeyedContainer(forKey: .payments)
    for payment in payments {
      var fields = list.nestedContainer(keyedBy: PaymentKeys.self)
      try fields.encode(payment.date, forKey: .date)
      try fields.encode(payment.amount.amountString, forKey: .amount)
    }
    if let promise {
      var fields = container.nestedContainer(keyedBy: PromiseKeys.self, forKey: .promise)
      try fields.encodeIfPresent(promise.made, forKey: .made)
      try fields.encode(promise.date, forKey: .date)
      try fields.encodeIfPresent(promise.amount?.amountString, forKey: .amount)
    }
    try container.encode(history, forKey: .history)
  }
}

import Foundation

/// A document in the pinned JSON shapes: one invoice, or an account — one customer and the
/// invoices they owe (`{"customer": {...}, "invoices": [invoice, ...]}`).
///
/// Every command that takes `--invoice`, and every line of a JSON Lines portfolio, reads either.
public enum Document: Sendable, Hashable {
  /// An invoice document.
  case invoice(Invoice)
  /// An account document.
  case account(Account)

  /// Reads a document, invoice or account, straight from its bytes, checking every field as
  /// ``Invoice/init(json:hostChannels:)`` does; an account's invoices are checked the same way
  /// (their paths under `invoices[N]`), and the account as ``Account/init(customer:invoices:)``
  /// does.
  ///
  /// - Parameters:
  ///   - data: The document, at most ``Bounds/documentBytes`` bytes.
  ///   - hostChannels: Channels besides the built-in ones that a customer's `channels` and
  ///     `opt-outs` may name (``Cadence/hostChannels``).
  /// - Throws: ``InvalidInput`` listing the problems.
  public init(json data: Data, hostChannels: Set<String> = []) throws(InvalidInput) {
    guard data.count <= Bounds.documentBytes else {
      throw InvalidInput(
        InputError(
          path: "",
          message: "the document is \(data.count) bytes; a document has at most "
            + "\(Bounds.documentBytes) bytes (\(Bounds.documentBytes / (1024 * 1024)) MiB)"))
    }
    let result: Result<Document, InvalidInput> = data.withUnsafeBytes { raw in
      Document.read(raw.bindMemory(to: UInt8.self), hostChannels: hostChannels)
    }
    self = try result.get()
  }

  /// Reads one document from `bytes` (no size check: callers bound their input).
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, hostChannels: Set<String>) -> Result<Document, InvalidInput> {
    var reader = DocumentReader(bytes, hostChannels: hostChannels)
    var document: Document?
    do throws(JSONSyntaxError) {
      document = try reader.readDocument()
      try reader.expectEnd()
    } catch {
      reader.report(error)
    }
    if let document, reader.problems.isEmpty { return .success(document) }
    return .failure(reader.problems.invalidInput ?? InvalidInput(InputError(path: "", message: "invalid document")))
  }

  /// The invoices the document holds: one, or the account's, sorted by id.
  public var invoices: [Invoice] {
    switch self {
    case .invoice(let invoice): return [invoice]
    case .account(let account): return account.invoices
    }
  }

  /// The customer the document is about: the invoice's, or the account's.
  public var customer: Customer {
    switch self {
    case .invoice(let invoice): return invoice.customer
    case .account(let account): return account.customer
    }
  }
}

extension Account {
  /// Reads an account document, as ``Document/init(json:hostChannels:)`` does; an invoice
  /// document is refused, saying how to read it.
  ///
  /// - Throws: ``InvalidInput`` listing the problems.
  public init(json data: Data, hostChannels: Set<String> = []) throws(InvalidInput) {
    switch try Document(json: data, hostChannels: hostChannels) {
    case .account(let account): self = account
    case .invoice:
      throw InvalidInput(
        InputError(
          path: "",
          message: "this is an invoice document, not an account: an account document is "
            + "{\"customer\": {...}, \"invoices\": [...]}"))
    }
  }
}

extension DocumentReader {
  /// Reads a top-level document: an invoice, or an account once its `invoices` field is seen.
  mutating func readDocument() throws(JSONSyntaxError) -> Document? {
    let root = FieldPath()
    guard scanner.peekKind() == .object else {
      if scanner.peekKind() == nil { throw scanner.unexpected("an invoice or account object `{…}`") }
      try mismatch(at: root, expecting: "an invoice or account object `{…}`")
      return nil
    }
    let before = problems.errors.count + problems.unlisted
    var fields = InvoiceFields()
    let present = try readObject(at: root, known: DocumentReader.documentFields) {
      reader, name, path throws(JSONSyntaxError) in
      try reader.readInvoiceField(name, at: path, into: &fields)
    }
    guard present & DocumentReader.invoicesBit != 0 else {
      return invoice(fields, present: present, at: root, problemsBefore: before).map {
        .invoice(Invoice(unchecked: $0))
      }
    }
    return account(fields, present: present, problemsBefore: before).map(Document.account)
  }

  /// An account's `invoices`: an array of invoice objects.
  mutating func readAccountInvoices(at path: FieldPath, into fields: inout InvoiceFields) throws(JSONSyntaxError) {
    guard scanner.peekKind() == .array else {
      try mismatch(at: path, expecting: "an array of invoice objects such as [{\"id\": \"INV-1\", …}]")
      return
    }
    try readArray(at: path) { reader, path throws(JSONSyntaxError) in
      // Each invoice's fields are paths of their own under `invoices[N]`: `invoices[0].history[1].kind`.
      fields.invoices.append(try reader.readInvoice(at: FieldPath(base: path.rendered)))
    }
  }

  /// The account of a top-level object's fields: `customer` and `invoices` only, validated.
  private mutating func account(_ fields: InvoiceFields, present: UInt64, problemsBefore before: Int) -> Account? {
    let root = FieldPath()
    for (index, name) in DocumentReader.invoiceFields.enumerated()
    where present & (1 << UInt64(index)) != 0 && 1 << UInt64(index) != DocumentReader.customerBit {
      report(
        root.appending(name),
        "an account document holds `customer` and `invoices` only; `\(name)` belongs to each invoice")
    }
    if present & DocumentReader.customerBit == 0 {
      report(root.appending("customer"), "missing field; expected the account's customer such as {\"id\": \"C-42\"}")
    }
    // The account's own checks run whatever else failed, on the parts that read, so a document
    // gets all its problems at once: an invoice that did not read is skipped (its index kept),
    // a customer with problems of its own is not compared.
    let invoices = fields.invoices.map { $0.map(Invoice.init(unchecked:)) }
    let customerRead = !problems.errors.dropFirst(before).contains { $0.path.hasPrefix("customer") }
    var validation = InputErrorList()
    Account.validate(customer: customerRead ? fields.customer : nil, invoices: invoices, into: &validation)
    problems.append(validation, under: "")
    guard validation.isEmpty, problems.errors.count + problems.unlisted == before else { return nil }
    return Account(unchecked: fields.customer, invoices: invoices.compactMap { $0 })
  }
}

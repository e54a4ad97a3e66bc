/// Where a field is in a document (`payments[0].amount`, `customer.tags[2]`), kept as parts and
/// written out only when a problem needs it, so reading a valid document builds no path text.
struct FieldPath: Hashable {
  /// What comes before: empty for an invoice document, `invoices[3]` for an invoice inside an
  /// account document.
  var base: String = ""
  /// A field of the document (`payments`), or empty for the document itself.
  var field: String = ""
  /// The element of `field`, when it is a list.
  var index: Int = -1
  /// A field of that element or object (`amount`).
  var member: String = ""
  /// The element of `member`, when it is a list (`customer.tags[2]`).
  var memberIndex: Int = -1

  /// The path one level down: a field of the document, or a member of the current field.
  func appending(_ name: String) -> FieldPath {
    var path = self
    if field.isEmpty { path.field = name } else { path.member = name }
    return path
  }

  /// The path of an element of the current list.
  func element(_ position: Int) -> FieldPath {
    var path = self
    if member.isEmpty { path.index = position } else { path.memberIndex = position }
    return path
  }

  /// The path as people read it.
  var rendered: String {
    var text = base
    if !field.isEmpty { text += (text.isEmpty ? "" : ".") + field }
    if index >= 0 { text += "[\(index)]" }
    if !member.isEmpty { text += (text.isEmpty ? "" : ".") + member }
    if memberIndex >= 0 { text += "[\(memberIndex)]" }
    return text
  }
}

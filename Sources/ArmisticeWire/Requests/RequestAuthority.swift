/// Who may send a request. The server checks it before the request's handler runs, in this order: `hello` first
/// (`hello_required`), then a seat (`not_joined`), then the instructor's (`not_instructor`).
public enum RequestAuthority: Sendable, Hashable {
    /// Any connection, before anything else: `hello` itself.
    case greeting
    /// Any connection that said `hello`, seated or not.
    case any
    /// A seat in a room.
    case seat
    /// The room's instructor.
    case instructor
}

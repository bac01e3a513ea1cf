using Waymark.Web.Auth;

namespace Waymark.Web.Features.Account;

/// <summary>The QR code, typed key and code field, on the sign-in set-up page and the account page alike.</summary>
public sealed record AuthenticatorSetUpView(AuthenticatorSetUp SetUp, string? CodeError, string Button);

/// <summary>Recovery codes, shown once, with where to go next.</summary>
public sealed record RecoveryCodesView(IReadOnlyList<string> Codes, string ContinueHref, string ContinueText);

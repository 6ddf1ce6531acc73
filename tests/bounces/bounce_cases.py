# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# The one list of the bounce test bed's cases: for each, the address the
# test mails, what the sink (bounce_sink.py) answers it, and the notices
# (delivery status notifications) each MTA must send back for it. The sink,
# the driver (bounce_driver.py) and the checks all read it from here.
#
# Every reply text below is ours, written for this test bed: plausible
# wordings in the styles of real providers, copied from none.
from dataclasses import dataclass, field, replace
from typing import Optional

# Addresses and names. All under example.test (RFC 2606): nothing here can
# reach a real host, and the MTAs are told to route every one of them to
# the sink on loopback, without DNS.
SINK_HOSTNAME = "sink.example.test"
SENDER = "sender@sender.example.test"
CLIENT_HELO = "client.example.test"

# The sink listens on one port of several loopback addresses. Each MTA
# sends each domain to its own address, so that a failure an MTA charges to
# the whole host (a 421, a timeout) holds back only its own case: Postfix,
# Exim, Sendmail and OpenSMTPD all keep such state per host.
ROUTES = {
    "sink.example.test": "127.0.0.1",    # the recipients' failures
    "sender.example.test": "127.0.0.10",  # the sender's mailbox: the bounces
    "busy.example.test": "127.0.0.11",   # the 421 case
    "slow.example.test": "127.0.0.12",   # the case that never gets an answer
}
SINK_ADDRESSES = tuple(dict.fromkeys(ROUTES.values()))

# How long the sink keeps silent before it answers the slow case at all
# (the MTAs give up long before: their timeouts are set to a few seconds).
SLOW_HOLD_SECONDS = 120


@dataclass(frozen=True)
class Reply:
    """What the sink answers: a reply code, its enhanced status code (RFC
    3463, or None for a server that sends none) and the text, one entry per
    line of a multi-line reply (RFC 5321 section 4.2.1)."""
    code: int
    status: Optional[str]
    lines: tuple

    def wire(self) -> str:
        """The reply as the sink writes it, CRLF between lines."""
        out = []
        for i, text in enumerate(self.lines):
            sep = " " if i == len(self.lines) - 1 else "-"
            enhanced = f"{self.status} " if self.status else ""
            out.append(f"{self.code}{sep}{enhanced}{text}")
        return "\r\n".join(out)


@dataclass(frozen=True)
class Notice:
    """One notice an MTA must send for a case: the DSN Action (RFC 3464
    section 2.3.3) and the Status field it writes for the recipient, and
    whether it quotes the sink's reply in a Diagnostic-Code field: True
    always, None not always (a Diagnostic-Code it writes must quote it)."""
    action: str
    dsn_status: str
    diagnostic: Optional[bool] = True
    # Whether the notice quotes the sink's reply at all (in its text, its
    # Diagnostic-Code or a transcript).
    quoted: bool = True
    # What the notice's file is called after (MTA-CASE-LABEL.eml), when not
    # after its action: for a second notice with the same action.
    label: Optional[str] = None
    # What a reader of this notice should know (in expected.json).
    note: Optional[str] = None
    # The reason a reader draws from this notice, where it differs from the
    # case's: the notice says more (the MTA gave up: expired) or less (it
    # does not say which command the reply answered).
    reason: Optional[str] = None
    # A reply the notice quotes other than the sink's failure: the sink's
    # acceptance in a success notice, or a reply-like line of the MTA's own
    # transcript; (code, enhanced status or None).
    other_reply: Optional[tuple] = None


@dataclass(frozen=True)
class Case:
    name: str
    local_part: str
    domain: str                 # a key of ROUTES, or None: the MTA's own domain
    stage: str                  # "rcpt", "data" (end of data), "silent",
                                # "accept" or "local" (the MTA's own users)
    reply: Optional[Reply] = None
    # The bounce reason (the vocabulary of <smtp/bounce_reason.hpp>) a reader
    # should give the reply, with the command it answered.
    reason: str = "undefined"
    close_after_reply: bool = False
    # Delivery status notification parameters of the test message (RFC 3461).
    notify: Optional[str] = None
    envid: Optional[str] = None
    body_lines: int = 6

    def address(self, local_domain: str) -> str:
        return f"{self.local_part}@{self.domain or local_domain}"


def _addr(local, domain="sink.example.test"):
    return f"<{local}@{domain}>"


CASES = (
    Case("user-unknown", "user-unknown", "sink.example.test", "rcpt",
         Reply(550, "5.1.1", (f"{_addr('user-unknown')}: no mailbox by that name"
                              " here; please check the address for typing errors",)),
         reason="userunknown"),
    Case("mailbox-full", "mailbox-full", "sink.example.test", "rcpt",
         Reply(552, "5.2.2", (f"{_addr('mailbox-full')}: mailbox full (quota of"
                              " 2048 MB used up); the owner must make room first",)),
         reason="mailboxfull"),
    Case("over-quota-temp", "over-quota-temp", "sink.example.test", "rcpt",
         Reply(452, "4.2.2", ("The mailbox of this user is over its storage limit"
                              " at the moment. Please try again later.",)),
         reason="mailboxfull"),
    Case("policy", "policy", "sink.example.test", "rcpt",
         Reply(554, "5.7.1", (
             f"{_addr('policy')}: message refused by the sending policy of this domain.",
             "Mail to this address is accepted from listed partner networks only,",
             "and the connecting host is not one of them. If you think this is a",
             "mistake, forward this whole message to postmaster@sink.example.test",
             "and quote the reference SINK-POL-0042.")),
         # A policy refusal at RCPT that names no precise cause: hold the
         # address, do not drop it.
         reason="onhold"),
    Case("busy", "busy", "busy.example.test", "rcpt",
         Reply(421, "4.3.2", ("busy.example.test service not available right now:"
                              " too many connections, closing the transmission channel",)),
         # Too many connections: sisimai 5.6 merged toomanyconn and speeding
         # into ratelimited, and so does the classifier.
         reason="ratelimited", close_after_reply=True),
    Case("slow", "slow", "slow.example.test", "silent", reason="networkerror"),
    Case("spam", "spam", "sink.example.test", "data",
         Reply(550, "5.7.1", ("Message rejected as spam by the content filter"
                              " (score 14.2, threshold 5.0); see"
                              " https://sink.example.test/postmaster/spam",)),
         # Refused by a content filter after the data.
         reason="filtered"),
    Case("toobig", "toobig", "sink.example.test", "data",
         Reply(552, "5.3.4", ("Message size exceeds the fixed limit of 2000 bytes"
                              " for messages to this recipient",)),
         reason="mesgtoobig", body_lines=80),
    Case("no-enhanced", "no-enhanced", "sink.example.test", "rcpt",
         Reply(550, None, ("Requested action not taken: mailbox unavailable",)),
         reason="onhold"),
    Case("ok", "ok", "sink.example.test", "accept"),
    Case("ok-notify", "ok-notify", "sink.example.test", "accept", reason="delivered",
         notify="SUCCESS,FAILURE", envid="smtp-status-ok-notify"),
    Case("local-unknown", "nobody-here", None, "local", reason="userunknown"),
)

CASES_BY_LOCAL_PART = {case.local_part: case for case in CASES}

# What the sink answers the sender's own mailbox (the bounces arrive there)
# and anything accepted.
ACCEPTED = "250 2.0.0 Ok: queued"

# The reasons that make the address itself bad (a hard bounce).
HARD_REASONS = frozenset({"userunknown", "hostunknown", "hasmoved", "notaccept"})


def verdict(action, status):
    """The verdict a reader must reach for a notice: Proceed for a success
    (RFC 3464 section 2.3.3: delivered, relayed, expanded), Retry for a
    delay warning (the MTA still tries), otherwise by the class of the
    status the reader reports: 4 Retry (also for a failed notice: the MTA
    gave up on a transient failure, and the address may take mail later),
    5 Fail."""
    if action in ("delivered", "relayed", "expanded"):
        return "Proceed"
    if action == "delayed":
        return "Retry"
    return "Retry" if status.startswith("4.") else "Fail"


# What a reader must know of a failed notice with a transient status.
GAVE_UP_NOTE = ("failed with a 4.x.x status: the MTA gave up on a transient failure;"
                " the address may take mail later (Retry)")


def _default_notices(case: Case):
    """The notices an MTA that follows RFC 3464 closely sends for case."""
    r = case.reply
    if case.stage in ("rcpt", "data") and r.code >= 500:
        return (Notice("failed", r.status or "5.0.0"),)
    if case.stage == "rcpt":
        # A transient failure: first a delay warning, then, once the short
        # queue lifetime is over, the final failure, both with the status of
        # the last attempt.
        return (Notice("delayed", r.status), Notice("failed", r.status))
    if case.stage == "silent":
        return (Notice("delayed", "4.4.2"), Notice("failed", "4.4.2"))
    if case.stage == "local":
        return (Notice("failed", "5.1.1"),)
    if case.notify and "SUCCESS" in case.notify:
        # The sink does not offer DSN, so the MTA reports the hand-over
        # (RFC 3461 section 4.1).
        return (Notice("relayed", "2.0.0"),)
    return ()


def _generic(notice: Notice) -> Notice:
    """notice with only the class of its action in its Status: 5.0.0 for
    failed, 4.0.0 for delayed, 2.0.0 for the others."""
    return replace(notice, dsn_status={"failed": "5.0.0", "delayed": "4.0.0"}.get(
        notice.action, "2.0.0"))


@dataclass(frozen=True)
class MtaStyle:
    """How an MTA writes its notices, where it parts from RFC 3464's habits."""
    # The notices of the cases it reports its own way, as they were seen:
    # a change of MTA behaviour fails the test.
    overrides: dict = field(default_factory=dict)
    # Its Status field gives only the class (X.0.0), whatever the server
    # said (in the overrides too): the server's own code is in the text.
    generic_status: bool = False
    # The Content-Type of the whole notice (RFC 6522: multipart/report).
    container: str = "multipart/report"
    # It never writes a Diagnostic-Code.
    diagnostic: bool = True
    # It returns the ENVID (RFC 3461) as Original-Envelope-Id.
    envid: bool = True


# The sink's acceptance, which a success notice quotes: its reply to the end
# of the data, or (Sendmail) to RCPT TO.
ACCEPTED_REPLY = (250, "2.0.0")
ACCEPTED_RCPT_REPLY = (250, "2.1.5")

# What a reader must know of Sendmail's notices when the server never answered.
SENDMAIL_READ_ERROR = ("the transcript's '451 4.4.1 reply: read error from ...' is Sendmail's"
                       " own line in the form of a reply; a reader reports it")

# What a reader cannot learn from OpenSMTPD's notices.
NO_COMMAND_NOTE = ("OpenSMTPD's notice does not say which command the reply answered:"
                   " the reason is the enhanced code's alone")
NO_COMMAND_WORDS_NOTE = ("OpenSMTPD's notice does not say which command the reply answered,"
                         " and neither code nor words tell the reason: onhold")

STYLES = {
    "postfix": MtaStyle(overrides={
        "ok-notify": (Notice("relayed", "2.0.0", other_reply=ACCEPTED_REPLY),),
        # No answer until the queue lifetime ran out. Postfix logs
        # "status=expired", but its notice states why: X.4.2, a connection
        # that timed out, a network error (as sisimai reads such notices).
        "slow": (Notice("delayed", "4.4.2"), Notice("failed", "4.4.2")),
    }),
    "exim": MtaStyle(generic_status=True, overrides={
        # A success at a server without DSN is "delivered", not "relayed".
        "ok-notify": (Notice("delivered", "2.0.0", other_reply=ACCEPTED_REPLY),),
        # A delay warning quotes the reply in a Diagnostic-Code only when
        # it goes out from the delivery attempt that got it, not from a
        # queue run that finds the retry time not reached yet; the text
        # always has it, cut short.
        "busy": (Notice("delayed", "4.0.0", diagnostic=None), Notice("failed", "5.0.0")),
        # The final failure of a transient one says "retry timeout exceeded"
        # after the reply: the MTA gave up (expired).
        "over-quota-temp": (Notice("delayed", "4.0.0", diagnostic=None),
                            Notice("failed", "5.0.0", reason="expired")),
        # Without any reply, a delay warning sent by a queue run names only
        # the host: a delay nothing explains, expired (sisimai's reading: the
        # time to deliver runs out); one sent by the attempt that timed out
        # adds "Delay reason: Connection timed out", a host that could not be
        # reached: expired too. The final failure says "retry timeout
        # exceeded".
        "slow": (Notice("delayed", "4.0.0", reason="expired", note=(
                     "Exim's delay warning names the timeout only when the attempt that"
                     " met it sends the warning; either way the reason is expired")),
                 Notice("failed", "5.0.0", reason="expired")),
    }),
    "sendmail": MtaStyle(overrides={
        # Sendmail's Status is its own reading of the reply, not the
        # server's enhanced code, where the two part ways: 5.0.0 for a
        # multi-line reply (whose first line alone is quoted), from the
        # reply code for a failure at the end of DATA (550 gives 5.2.0, 552
        # gives 5.2.2) and for a delay (452 gives 4.3.1), 5.1.1 for a plain
        # 550; and the final failure of a message it kept too long is 4.4.7.
        "policy": (Notice("failed", "5.0.0"),),
        "spam": (Notice("failed", "5.2.0"),),
        "toobig": (Notice("failed", "5.2.2"),),
        # A reply without an enhanced code: Sendmail's own 5.1.1 is the
        # status the notice states, and a reader reports it.
        "no-enhanced": (Notice("failed", "5.1.1", reason="userunknown", note=(
            "the reply has no enhanced code; Sendmail's Status 5.1.1 is its reading of"
            " it, the status the notice states")),),
        "over-quota-temp": (Notice("delayed", "4.3.1"), Notice("failed", "4.4.7")),
        # Both transcripts have Sendmail's own "451 4.4.1 reply: read error",
        # written as a reply: X.4.1, no answer from the host, is expired (the
        # time to deliver runs out on a host that cannot be reached).
        "slow": tuple(Notice(action, status, other_reply=(451, "4.4.1"), note=SENDMAIL_READ_ERROR,
                             reason="expired")
                      for action, status in (("delayed", "4.4.2"), ("failed", "4.4.7"))),
        # The local delivery agent's "X-Unix; 550 5.1.1 User unknown".
        "local-unknown": (Notice("failed", "5.1.1", other_reply=(550, "5.1.1"), note=(
            "the Diagnostic-Code 'X-Unix; 550 5.1.1 User unknown' is the local delivery"
            " agent's; a reader reports its code")),),
        "ok-notify": (Notice("relayed", "2.0.0", other_reply=ACCEPTED_RCPT_REPLY),),
        # After a 421 and the closed connection, the Diagnostic-Code is
        # empty ("SMTP; "): the reply is in the transcript only.
        "busy": (Notice("delayed", "4.0.0", diagnostic=False),
                 Notice("failed", "4.4.7", diagnostic=False)),
    }),
    # OpenSMTPD 6.8: a multipart/mixed notice with a delivery-status part,
    # the class alone in Status, the reply in the text only.
    "opensmtpd": MtaStyle(generic_status=True, container="multipart/mixed",
                          diagnostic=False, envid=False, overrides={
        # Not submitted (bounce_mtas.sh says why): no notice.
        "local-unknown": (),
        "slow": (),
        # 5.7.1 alone is securityerror (sisimai 5's reading of the code).
        "policy": (Notice("failed", "5.0.0", reason="securityerror", note=NO_COMMAND_NOTE),),
        "spam": (Notice("failed", "5.0.0", reason="securityerror", note=NO_COMMAND_NOTE),),
        "no-enhanced": (Notice("failed", "5.0.0", reason="onhold", note=NO_COMMAND_WORDS_NOTE),),
        # When the queue lifetime is over, the notice says "delayed"
        # (Status 4.4.7, "Envelope expired", subject "Delivery status
        # notification: delayed") although the message is dropped: no
        # "failed" notice follows. A reader of the DSN alone says Retry.
        **{name: (Notice("delayed", "4.0.0"),
                  Notice("delayed", "4.4.7", quoted=False, label="delayed-expired",
                         reason="expired", note=(
                      "OpenSMTPD 6.8 reports the expiry of the message as"
                      " delayed (Status 4.4.7, 'Envelope expired'); the"
                      " message is dropped all the same, no failed notice"
                      " follows, and the sink's reply is not quoted")))
           for name in ("busy", "over-quota-temp")},
    }),
}

MTAS = tuple(STYLES)


def _notices(case: Case, mta: str):
    """The notices MTA sends back for case, in the order it sends them."""
    style = STYLES[mta]
    notices = style.overrides.get(case.name)
    if notices is None:
        notices = _default_notices(case)
        if style.generic_status:
            notices = tuple(_generic(n) for n in notices)
    if not style.diagnostic:
        notices = tuple(replace(n, diagnostic=False) for n in notices)
    return notices


def expected_notices(mta: str):
    """{case name: (Notice, ...)} for mta."""
    return {case.name: _notices(case, mta) for case in CASES}

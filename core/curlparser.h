// Turns a pasted curl command line into a request to replay. Words are split
// and unquoted as a POSIX shell does (single quotes, double quotes,
// backslashes, line continuations) plus bash's $'...' quoting that browsers
// use in "copy as cURL". Variables, command substitution, pipes and other
// shell syntax are rejected, never expanded.
//
// Options read: -X/--request, -H/--header, -d/--data/--data-ascii,
// --data-raw, --data-binary, --data-urlencode, --json, -G/--get, --url and
// a bare URL, -A/--user-agent, -e/--referer, -b/--cookie (a cookie string),
// -u/--user, -I/--head. Options that only change curl's own output or
// transport (-s, -v, -i, -k, -L, --compressed, -m, ...) are ignored with a
// warning. Anything else, including data read from a file (@file), is an
// error naming the option.
#pragma once

#include "replayrequest.h"

#include <QCoreApplication>
#include <QStringList>

struct CurlParseResult
{
    bool ok = false;
    ReplayRequest request;   // expectation None; set one before replaying
    QStringList warnings;    // translated, one per ignored option
    QString errorMessage;    // translated, set when !ok
    qsizetype errorPosition = -1;  // character offset into the command, -1 when unknown
};

class CurlParser
{
    Q_DECLARE_TR_FUNCTIONS(CurlParser)

public:
    static CurlParseResult parse(const QString &command);

    // Splits a command line into words as a POSIX shell would, without any
    // expansion. Returns false with errorMessage and errorPosition set on
    // unbalanced quotes or unsupported shell syntax.
    struct Word
    {
        QString text;
        qsizetype position = 0;  // offset of the word's first character in the command
    };
    static bool splitWords(const QString &command, QList<Word> *words, QString *errorMessage,
                           qsizetype *errorPosition);
};

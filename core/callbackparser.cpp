#include "callbackparser.h"

// TODO(stub): replaced by the full parser.
ParseResult CallbackParser::parse(const RawRequest &request)
{
    Q_UNUSED(request);
    ParseResult result;
    result.rejected = true;
    result.errorCode = QStringLiteral("not-implemented");
    return result;
}

DrmScheme CallbackParser::schemeFromText(const QString &text)
{
    Q_UNUSED(text);
    return DrmScheme::Other;
}

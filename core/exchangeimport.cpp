#include "exchangeimport.h"

#include "harformat.h"
#include "jsonlinesformat.h"

#include <QDir>
#include <QFile>

namespace {

class ImportText
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeImport)
};

} // namespace

namespace ExchangeImport {

namespace {

bool isHar(const QByteArray &start)
{
    // A HAR file is one JSON object with a "log" member near its start.
    const QByteArray trimmed = start.trimmed();
    return trimmed.startsWith('{') && trimmed.contains("\"log\"");
}

ImportResult cannotRead(const QString &fileName, const QFile &file)
{
    ImportResult result;
    result.fatalError = ImportText::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
    return result;
}

} // namespace

ImportResult readFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return cannotRead(fileName, file);
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return cannotRead(fileName, file);
    return isHar(data.left(4096)) ? HarFormat::read(data) : JsonLinesFormat::read(data);
}

ImportResult readFileInSlices(const QString &fileName,
                              const std::function<bool(const QList<StoredExchange> &)> &sink)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return cannotRead(fileName, file);

    ImportResult result;
    if (isHar(file.peek(4096))) {
        const QByteArray data = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return cannotRead(fileName, file);
        result = HarFormat::read(data);
        const QList<StoredExchange> exchanges = std::exchange(result.exchanges, {});
        for (qsizetype first = 0; first < exchanges.size(); first += SliceSize) {
            if (!sink(exchanges.mid(first, SliceSize)))
                break;
        }
        return result;
    }

    JsonLinesFormat::Reader reader(&file);
    while (!reader.atEnd()) {
        ImportResult part = reader.readSome(SliceSize);
        result.issues += part.issues;
        if (!part.exchanges.isEmpty() && !sink(part.exchanges))
            break;
    }
    if (file.error() != QFileDevice::NoError)
        result.fatalError = cannotRead(fileName, file).fatalError;
    return result;
}

StoreResult<qint64> appendAndWait(ExchangeStore &store, const QList<StoredExchange> &exchanges)
{
    const qint64 droppedBefore = store.statistics().droppedExchanges;
    for (qsizetype first = 0; first < exchanges.size(); first += SliceSize) {
        store.appendStored(exchanges.mid(first, SliceSize));
        const auto flushed = store.flush();
        if (!flushed)
            return flushed.error();
    }
    return store.statistics().droppedExchanges - droppedBefore;
}

} // namespace ExchangeImport

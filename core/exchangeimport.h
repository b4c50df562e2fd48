// Reading capture files (HAR 1.2 or JSON Lines) and adding their exchanges to
// a request log, shared by the window's import and `callbacklab import`.
#pragma once

#include "exchangestore.h"
#include "storedexchange.h"

#include <QCoreApplication>

#include <functional>

namespace ExchangeImport {

// Reads a HAR file (one JSON object with a "log" member) or else JSON Lines.
// A file that cannot be read sets ImportResult::fatalError.
ImportResult readFile(const QString &fileName);

// Reads the file like readFile(), but hands its exchanges to sink in slices of
// at most SliceSize. JSON Lines are also read one slice at a time, so memory
// stays bounded. A HAR file is read whole. Stops early when sink returns
// false. The result contains the issues and any fatal error, but no exchanges.
ImportResult readFileInSlices(const QString &fileName,
                              const std::function<bool(const QList<StoredExchange> &)> &sink);

// Appends the exchanges to the open store in slices, waiting for each slice
// to be committed, so that an import larger than the writer's queue is not
// dropped. Blocks until the last slice is committed: call it from a thread
// other than the GUI's. Returns how many exchanges the store dropped anyway
// (0 unless live traffic filled the queue at the same time), or the write error.
StoreResult<qint64> appendAndWait(ExchangeStore &store, const QList<StoredExchange> &exchanges);

// Exchanges appended per slice.
constexpr qsizetype SliceSize = 5000;

} // namespace ExchangeImport

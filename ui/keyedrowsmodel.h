#pragma once

#include "rowstablemodel.h"

#include <QSet>

namespace pasalista {

// A table model whose rows are records with a stable key (the record id). replaceRows
// brings the model to a new list by removing, moving, inserting and changing rows, never by
// a reset: the view's current row, selection, scroll position and open editor stay on the
// same records while a sync ends or the teacher switches courses.
template <typename Row> class KeyedRowsModel : public RowsTableModel<Row>
{
public:
    using RowsTableModel<Row>::RowsTableModel;

    int rowOfKey(qint64 key) const
    {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (rowKey(m_rows.at(row)) == key) {
                return row;
            }
        }
        return -1;
    }

protected:
    virtual qint64 rowKey(const Row &row) const = 0;
    // Whether two versions of one record show the same in every column.
    virtual bool sameRow(const Row &before, const Row &after) const = 0;

    // Rows whose key is in alsoChanged are announced as changed even if sameRow holds (for
    // data kept beside the rows, e.g. the marks of the sheet's students).
    void replaceRows(const QList<Row> &next, const QSet<qint64> &alsoChanged = {})
    {
        QSet<qint64> nextKeys;
        nextKeys.reserve(next.size());
        for (const Row &row : next) {
            nextKeys.insert(rowKey(row));
        }
        if (nextKeys.size() != next.size()) { // keys not unique: nothing to keep rows by
            this->beginResetModel();
            m_rows = next;
            this->endResetModel();
            return;
        }
        removeRowsNotIn(nextKeys);
        QSet<qint64> present;
        present.reserve(m_rows.size());
        for (const Row &row : std::as_const(m_rows)) {
            present.insert(rowKey(row));
        }
        int changedFrom = -1;
        for (int i = 0; i < next.size(); ++i) {
            const qint64 key = rowKey(next.at(i));
            if (!present.contains(key)) {
                flushChanged(changedFrom, i - 1);
                i = insertRun(next, i, present) - 1;
                continue;
            }
            if (rowKey(m_rows.at(i)) != key) {
                flushChanged(changedFrom, i - 1);
                moveKeyTo(key, i);
            }
            if (sameRow(m_rows.at(i), next.at(i)) && !alsoChanged.contains(key)) {
                // Not flushed here: one dataChanged over a few unchanged rows costs the views
                // less than thousands of small ones (5,000 students whose marks changed).
                continue;
            }
            m_rows[i] = next.at(i);
            if (changedFrom < 0) {
                changedFrom = i;
            }
        }
        flushChanged(changedFrom, int(m_rows.size()) - 1);
    }

    using RowsTableModel<Row>::m_rows;

private:
    void removeRowsNotIn(const QSet<qint64> &keys)
    {
        for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
            if (keys.contains(rowKey(m_rows.at(last)))) {
                continue;
            }
            int first = last;
            while (first > 0 && !keys.contains(rowKey(m_rows.at(first - 1)))) {
                --first;
            }
            this->beginRemoveRows({}, first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            this->endRemoveRows();
            last = first;
        }
    }

    // Inserts the run of new records starting at next[from]; returns the index after it.
    int insertRun(const QList<Row> &next, int from, QSet<qint64> &present)
    {
        int end = from;
        while (end < next.size() && !present.contains(rowKey(next.at(end)))) {
            present.insert(rowKey(next.at(end)));
            ++end;
        }
        this->beginInsertRows({}, from, end - 1);
        m_rows.insert(from, end - from, Row());
        std::copy(next.begin() + from, next.begin() + end, m_rows.begin() + from);
        this->endInsertRows();
        return end;
    }

    void moveKeyTo(qint64 key, int to)
    {
        int from = to + 1;
        while (rowKey(m_rows.at(from)) != key) {
            ++from;
        }
        this->beginMoveRows({}, from, from, {}, to);
        m_rows.move(from, to);
        this->endMoveRows();
    }

    // Announces rows first..last as changed (whole rows, so an open editor keeps its text).
    void flushChanged(int &first, int last)
    {
        if (first >= 0 && last >= first) {
            Q_EMIT this->dataChanged(this->index(first, 0),
                                     this->index(last, this->columnCount() - 1));
        }
        first = -1;
    }
};

} // namespace pasalista

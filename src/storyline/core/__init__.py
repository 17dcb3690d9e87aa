"""What every stage shares: records, ids, errors, options, dates, the vocabulary of kinds, lexicon loading."""

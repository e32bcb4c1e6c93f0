"""The toolkit as PDFs: which pages make each book, how a page is reshaped for paper, and the writing."""

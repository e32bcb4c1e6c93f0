"""The toolkit as PDFs: which pages make each book, how a page is reshaped for paper, the poster on A4 and A3, and the writing."""

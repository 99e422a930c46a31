"""What pull requests and the repository's automation need: problems as annotations, the change
summary of a pull request, CODEOWNERS from the records.
"""

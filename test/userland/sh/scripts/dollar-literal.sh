echo $ "$" a$
echo "cost: 5$"

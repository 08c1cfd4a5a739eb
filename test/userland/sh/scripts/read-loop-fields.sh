cat > data <<EOF
alice 30 paris
bob 25 rome
EOF
while read name age city; do
  echo "$name is $age in $city"
done < data

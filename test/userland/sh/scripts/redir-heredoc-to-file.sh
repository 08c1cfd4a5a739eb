cat > f <<EOF
stored
EOF
cat f

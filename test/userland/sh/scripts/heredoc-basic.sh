cat <<EOF
line one
  indented
EOF
echo after

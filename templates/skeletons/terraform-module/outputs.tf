output "bucket_name" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.bucket
}

output "bucket_arn" {
  description = "ARN of the bucket, for IAM policies that grant access to it."
  value       = aws_s3_bucket.this.arn
}
